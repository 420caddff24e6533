#ifndef NEWSCONV_CGZIP_SHIM_H
#define NEWSCONV_CGZIP_SHIM_H

#include <zlib.h>

// inflateInit2 is a macro; Swift cannot call it.
static inline int newsconv_inflate_init_gzip(z_streamp stream) {
    // 15 window bits + 32: detect gzip or zlib headers.
    return inflateInit2(stream, 15 + 32);
}

#endif
