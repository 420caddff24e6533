#ifndef NEWSCONV_CCMARK_SHIM_H
#define NEWSCONV_CCMARK_SHIM_H

// libcmark, the CommonMark reference implementation (Debian's libcmark-dev).
#include <cmark.h>

#endif
