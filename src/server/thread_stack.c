/* thread_stack.c -- room on CivetWeb's threads for what this program runs on them.
 *
 * Debian's CivetWeb creates its worker threads with a fixed 100 KiB stack. The server's handlers
 * run on those threads: they build a state message from the core, check orders, and on the
 * teacher's seat_agent run an agent's init in the Lua sandbox, whose C stack may legitimately go
 * deeper than 100 KiB (a hostile agent's recursion is stopped by Lua's own C-call limit, which
 * assumes an ordinary thread's stack). CivetWeb has no option for its stack size, so this file
 * gives the program its own pthread_attr_setstacksize, which the shared library's calls reach
 * first (symbol interposition): it raises any request below SRV_THREAD_STACK_MIN to it and hands
 * the call on to the C library's. Stacks above the minimum, and threads that never ask, are
 * untouched. (The core once kept 210 KiB of thread-local scratch, which glibc also places on
 * each thread's stack; it now lives in each world, so that is no longer a reason.) */
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
