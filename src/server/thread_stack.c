/* thread_stack.c -- room on CivetWeb's threads for this program's thread-local storage.
 *
 * Debian's CivetWeb creates its worker threads with a fixed 100 KiB stack, but glibc puts a
 * program's static thread-local storage on every thread's stack, and the core's market solver
 * keeps about 210 KiB of scratch arrays there (src/core/market.c, _Thread_local): every
 * pthread_create of CivetWeb's then fails with EINVAL ("Cannot create first worker thread").
 * CivetWeb has no option for its stack size, so this file gives the program its own
 * pthread_attr_setstacksize, which the shared library's calls reach first (symbol interposition):
 * it raises any request below SRV_THREAD_STACK_MIN to it and hands the call on to the C
 * library's. Stacks above the minimum, and threads that never ask, are untouched. */
#include <dlfcn.h>
#include <pthread.h>
#include <string.h>

#include "server.h"

enum { SRV_THREAD_STACK_MIN = 2 << 20 }; /* the TLS, a JSON state, an agent's init on seat_agent */

typedef int (*setstacksize_fn)(pthread_attr_t *, size_t);
static setstacksize_fn real_setstacksize;

/* The C library's own function, looked up once (before CivetWeb starts any thread). */
static setstacksize_fn find_real(void)
{
    if (!real_setstacksize) {
        void *p = dlsym(RTLD_NEXT, "pthread_attr_setstacksize");
        memcpy(&real_setstacksize, &p, sizeof p); /* ISO C has no object-to-function cast */
    }
    return real_setstacksize;
}

int pthread_attr_setstacksize(pthread_attr_t *attr, size_t size)
{
    setstacksize_fn real = find_real();
    if (!real)
        return 0; /* cannot happen with glibc; the default stack is then kept */
    return real(attr, size < SRV_THREAD_STACK_MIN ? SRV_THREAD_STACK_MIN : size);
}

void srv_thread_stack_init(void)
{
    find_real();
}
