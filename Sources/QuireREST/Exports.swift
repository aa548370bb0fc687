// The JSON values and text rules the REST core is written in, for every module that uses the core.
@_exported import QuireValues
