#include "QuireSQLiteC.h"

// The SQLite functions under the names sqlite-nio gives its copy of the library.
extern int sqlite_nio_sqlite3_open_v2(const char *, void **, int, const char *);
extern int sqlite_nio_sqlite3_close_v2(void *);
extern const char *sqlite_nio_sqlite3_errmsg(void *);
extern int sqlite_nio_sqlite3_busy_timeout(void *, int);
extern int sqlite_nio_sqlite3_prepare_v3(void *, const char *, int, unsigned int, void **, const char **);
extern int sqlite_nio_sqlite3_finalize(void *);
extern int sqlite_nio_sqlite3_reset(void *);
extern int sqlite_nio_sqlite3_clear_bindings(void *);
extern int sqlite_nio_sqlite3_step(void *);
extern int sqlite_nio_sqlite3_bind_null(void *, int);
extern int sqlite_nio_sqlite3_bind_int64(void *, int, int64_t);
extern int sqlite_nio_sqlite3_bind_double(void *, int, double);
extern int sqlite_nio_sqlite3_bind_text(void *, int, const char *, int, void (*)(void *));
extern int sqlite_nio_sqlite3_bind_blob(void *, int, const void *, int, void (*)(void *));
extern int sqlite_nio_sqlite3_column_count(void *);
extern const char *sqlite_nio_sqlite3_column_name(void *, int);
extern int sqlite_nio_sqlite3_column_type(void *, int);
extern int64_t sqlite_nio_sqlite3_column_int64(void *, int);
extern double sqlite_nio_sqlite3_column_double(void *, int);
extern const unsigned char *sqlite_nio_sqlite3_column_text(void *, int);
extern const void *sqlite_nio_sqlite3_column_blob(void *, int);
extern int sqlite_nio_sqlite3_column_bytes(void *, int);

#define OPEN_READWRITE 0x00000002
#define OPEN_CREATE 0x00000004
#define OPEN_FULLMUTEX 0x00010000
#define PREPARE_PERSISTENT 0x01
#define TRANSIENT ((void (*)(void *))-1)

int quire_sqlite_open(const char *path, void **db) {
    return sqlite_nio_sqlite3_open_v2(path, db, OPEN_READWRITE | OPEN_CREATE | OPEN_FULLMUTEX, 0);
}
int quire_sqlite_close(void *db) { return sqlite_nio_sqlite3_close_v2(db); }
const char *quire_sqlite_errmsg(void *db) { return sqlite_nio_sqlite3_errmsg(db); }
int quire_sqlite_busy_timeout(void *db, int ms) { return sqlite_nio_sqlite3_busy_timeout(db, ms); }
int quire_sqlite_prepare(void *db, const char *sql, int length, void **stmt) {
    return sqlite_nio_sqlite3_prepare_v3(db, sql, length, PREPARE_PERSISTENT, stmt, 0);
}
int quire_sqlite_finalize(void *stmt) { return sqlite_nio_sqlite3_finalize(stmt); }
int quire_sqlite_reset(void *stmt) { return sqlite_nio_sqlite3_reset(stmt); }
int quire_sqlite_clear_bindings(void *stmt) { return sqlite_nio_sqlite3_clear_bindings(stmt); }
int quire_sqlite_step(void *stmt) { return sqlite_nio_sqlite3_step(stmt); }
int quire_sqlite_bind_null(void *stmt, int index) { return sqlite_nio_sqlite3_bind_null(stmt, index); }
int quire_sqlite_bind_int64(void *stmt, int index, int64_t value) { return sqlite_nio_sqlite3_bind_int64(stmt, index, value); }
int quire_sqlite_bind_double(void *stmt, int index, double value) { return sqlite_nio_sqlite3_bind_double(stmt, index, value); }
int quire_sqlite_bind_text(void *stmt, int index, const char *text, int length) {
    return sqlite_nio_sqlite3_bind_text(stmt, index, text, length, TRANSIENT);
}
int quire_sqlite_bind_blob(void *stmt, int index, const void *bytes, int length) {
    return sqlite_nio_sqlite3_bind_blob(stmt, index, bytes, length, TRANSIENT);
}
int quire_sqlite_column_count(void *stmt) { return sqlite_nio_sqlite3_column_count(stmt); }
const char *quire_sqlite_column_name(void *stmt, int index) { return sqlite_nio_sqlite3_column_name(stmt, index); }
int quire_sqlite_column_type(void *stmt, int index) { return sqlite_nio_sqlite3_column_type(stmt, index); }
int64_t quire_sqlite_column_int64(void *stmt, int index) { return sqlite_nio_sqlite3_column_int64(stmt, index); }
double quire_sqlite_column_double(void *stmt, int index) { return sqlite_nio_sqlite3_column_double(stmt, index); }
const unsigned char *quire_sqlite_column_text(void *stmt, int index) { return sqlite_nio_sqlite3_column_text(stmt, index); }
const void *quire_sqlite_column_blob(void *stmt, int index) { return sqlite_nio_sqlite3_column_blob(stmt, index); }
int quire_sqlite_column_bytes(void *stmt, int index) { return sqlite_nio_sqlite3_column_bytes(stmt, index); }
