/* qr_print.c -- the address as a QR code in the terminal, so that students point a phone at the
 * teacher's screen instead of typing it: libqrencode makes the code, drawn here with Unicode half
 * blocks (two rows of modules a line), dark on light with the quiet zone the standard asks for. */
#include <stdio.h>

#include <qrencode.h>

#include "server.h"

/* Whether module (x, y) is dark; outside the symbol (the quiet zone) it is light. */
static int dark(const QRcode *q, int x, int y)
{
    if (x < 0 || y < 0 || x >= q->width || y >= q->width)
        return 0;
    return q->data[y * q->width + x] & 1;
}

void srv_print_qr(const char *text)
{
    QRcode *q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!q) {
        printf("(the QR code could not be made)\n");
        return;
    }
    const int quiet = 2;
    /* light modules are drawn (the terminal's text colour, light on the usual dark terminal),
     * dark ones left as the background; the quiet zone is light */
    for (int y = -quiet; y < q->width + quiet; y += 2) {
        for (int x = -quiet; x < q->width + quiet; x++) {
            int top = !dark(q, x, y), bottom = !dark(q, x, y + 1); /* light = drawn */
            fputs(top && bottom ? "\xe2\x96\x88" : top ? "\xe2\x96\x80" : bottom ? "\xe2\x96\x84" : " ",
                  stdout);
        }
        fputc('\n', stdout);
    }
    QRcode_free(q);
}
