import QuireStore
