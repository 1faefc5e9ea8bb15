#!/bin/sh
# test_symbols.sh -- the compiled core (and base) call no IO, printing, exiting,
# clock or environment function. One exception, by design: base's file_*.c
# objects are the program's one way to read and write whole files (every layer
# above the core uses them), so they may do file IO; they still never print,
# exit or read the clock, and the core may not call them (file_* is denied to
# the core). test_layers.sh greps the sources for these
# calls; this reads what the archives' objects actually call (nm -u), which also
# catches a call hidden in a macro or put in by the compiler (printf -> puts,
# fprintf -> fwrite) or by _FORTIFY_SOURCE (__fprintf_chk).
# Usage: test_symbols.sh libcp_core.a [libcp_base.a ...]
# (ctest passes libcp_base.a once the base layer exists.)
# Exit 0 clean, 1 a forbidden call (named with its object), 77 when nm is
# missing (skipped), 2 on a missing archive.
[ $# -ge 1 ] || { echo "usage: test_symbols.sh ARCHIVE.a..."; exit 2; }
command -v nm > /dev/null 2>&1 || { echo "no nm: skipped"; exit 77; }

# plan17 section 8, rule 4, and the symbols the compiler and libc turn them into
deny="fopen fopen64 freopen freopen64 fdopen fread fwrite fwrite_unlocked fclose fflush
fprintf printf vfprintf vprintf dprintf __fprintf_chk __printf_chk __vfprintf_chk __vprintf_chk
__dprintf_chk puts fputs fputc putc putchar fputs_unlocked fputc_unlocked putc_unlocked
putchar_unlocked fgets fgetc getc getchar getline getdelim fscanf scanf __isoc99_fscanf
__isoc99_scanf stdin stdout stderr perror remove rename unlink rmdir mkdir opendir readdir closedir
stat stat64 lstat lstat64 fstat fstat64 __xstat __xstat64 __lxstat __fxstat access open open64
openat creat read write close popen pclose exit _exit _Exit quick_exit abort getenv secure_getenv
system time clock clock_gettime gettimeofday localtime gmtime rand srand random srandom"
# what base's file_*.c may call: files and folders (and nothing that prints or exits)
file_io="fopen fopen64 fdopen fread fwrite fclose fflush remove rename unlink rmdir mkdir opendir
readdir closedir stat stat64 lstat lstat64 fstat fstat64 __xstat __xstat64 __lxstat __fxstat access
open open64 openat creat read write close fsync fchmod chmod"

fail=0
for a in "$@"; do
    if [ ! -f "$a" ]; then
        echo "FAIL $a: no such archive"
        exit 2
    fi
    out=$(nm -u "$a" 2>&1) || { echo "FAIL nm -u $a: $out"; exit 2; }
    # "member.o:" headers, then "   U symbol" lines
    printf '%s\n' "$out" | awk -v deny="$deny" -v fileio="$file_io" -v lib="$(basename "$a")" '
        BEGIN {
            n = split(deny, d, /[ \t\n]+/); for (i = 1; i <= n; i++) if (d[i] != "") bad[d[i]] = 1
            n = split(fileio, d, /[ \t\n]+/); for (i = 1; i <= n; i++) if (d[i] != "") io[d[i]] = 1
        }
        /:$/ { member = substr($0, 1, length($0) - 1); members++; next }
        $1 == "U" {
            syms++
            s = $2
            sub(/@.*/, "", s)
            files = (lib ~ /cp_base/ && member ~ /^file_/)
            if ((s in bad) && !(files && (s in io))) { print "FAIL " lib "(" member ") calls " s; found++ }
            if (lib ~ /cp_core/ && s ~ /^file_/) { print "FAIL " lib "(" member ") calls " s " (file IO)"; found++ }
        }
        END {
            if (members == 0 || syms == 0) {
                print "FAIL " lib ": nm listed " members + 0 " objects and " syms + 0 " undefined symbols"
                exit 1
            }
            print lib ": " members " objects, " syms " undefined symbols, " found + 0 " forbidden"
            exit found > 0
        }' || fail=1
done
[ $fail -eq 0 ] && echo "no IO, printing, exiting, clock or environment in the archives"
exit $fail
