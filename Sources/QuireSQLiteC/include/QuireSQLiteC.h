#ifndef QUIRE_SQLITE_C_H
#define QUIRE_SQLITE_C_H

// Direct, synchronous access to the SQLite library the package links (the copy built by
// sqlite-nio), for connections that run statements on the calling thread.
// Handles are opaque pointers; the result codes are SQLite's.

#include <stdint.h>

#define QUIRE_SQLITE_OK 0
#define QUIRE_SQLITE_ROW 100
#define QUIRE_SQLITE_DONE 101
#define QUIRE_SQLITE_INTEGER 1
#define QUIRE_SQLITE_FLOAT 2
#define QUIRE_SQLITE_TEXT 3
#define QUIRE_SQLITE_BLOB 4
#define QUIRE_SQLITE_NULL 5

int quire_sqlite_open(const char *path, void **db);
int quire_sqlite_close(void *db);
const char *quire_sqlite_errmsg(void *db);
int quire_sqlite_busy_timeout(void *db, int ms);
int quire_sqlite_prepare(void *db, const char *sql, int length, void **stmt);
int quire_sqlite_finalize(void *stmt);
int quire_sqlite_reset(void *stmt);
int quire_sqlite_clear_bindings(void *stmt);
int quire_sqlite_step(void *stmt);
int quire_sqlite_bind_null(void *stmt, int index);
int quire_sqlite_bind_int64(void *stmt, int index, int64_t value);
int quire_sqlite_bind_double(void *stmt, int index, double value);
int quire_sqlite_bind_text(void *stmt, int index, const char *text, int length);
int quire_sqlite_bind_blob(void *stmt, int index, const void *bytes, int length);
int quire_sqlite_column_count(void *stmt);
const char *quire_sqlite_column_name(void *stmt, int index);
int quire_sqlite_column_type(void *stmt, int index);
int64_t quire_sqlite_column_int64(void *stmt, int index);
double quire_sqlite_column_double(void *stmt, int index);
const unsigned char *quire_sqlite_column_text(void *stmt, int index);
const void *quire_sqlite_column_blob(void *stmt, int index);
int quire_sqlite_column_bytes(void *stmt, int index);

#endif
