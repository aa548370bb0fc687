// Non-variadic entry points into libvips for Swift, which cannot call C's variadic functions.
#include <vips/vips.h>

static inline int quire_vips_start(void) {
    if (VIPS_INIT("quire") != 0) return -1;
    // A server makes each size once: nothing is worth keeping in the operation cache.
    vips_cache_set_max(0);
    return 0;
}

/// The image's header (pixels are read only when needed).
static inline VipsImage *quire_vips_open(const char *path) {
    return vips_image_new_from_file(path, NULL);
}

/// The file's image scaled to exactly width x height, without turning it by its EXIF orientation.
static inline int quire_vips_thumbnail(const char *path, VipsImage **out, int width, int height) {
    return vips_thumbnail(path, out, width, "height", height, "size", VIPS_SIZE_FORCE, "no_rotate", TRUE, NULL);
}

static inline int quire_vips_extract(VipsImage *in, VipsImage **out, int left, int top, int width, int height) {
    return vips_extract_area(in, out, left, top, width, height, NULL);
}

/// Writes the image in the format the file name says, at this quality (JPEG, WebP) or the format's own.
static inline int quire_vips_save(VipsImage *in, const char *path, int quality) {
    if (quality > 0) return vips_image_write_to_file(in, path, "Q", quality, "strip", TRUE, NULL);
    return vips_image_write_to_file(in, path, "strip", TRUE, NULL);
}

/// The raw EXIF block of the image ("Exif\0\0" and a TIFF structure), or NULL.
static inline const void *quire_vips_exif(VipsImage *image, size_t *length) {
    const void *data = NULL;
    if (vips_image_get_typeof(image, VIPS_META_EXIF_NAME) == 0) return NULL;
    if (vips_image_get_blob(image, VIPS_META_EXIF_NAME, &data, length) != 0) return NULL;
    return data;
}

static inline void quire_vips_release(VipsImage *image) { g_object_unref(image); }

/// The last error libvips reported, and forget it.
static inline const char *quire_vips_error(void) { return vips_error_buffer(); }
static inline void quire_vips_clear_error(void) { vips_error_clear(); }
