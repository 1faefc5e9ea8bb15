/* stb_impl.c -- the one translation unit that compiles stb_image_write (Debian's libstb-dev),
 * built as its own library without the project's warning flags. */
#define STB_IMAGE_WRITE_IMPLEMENTATION
#include <stb_image_write.h>
