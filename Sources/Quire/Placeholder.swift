import QuireREST
