/* chart — dyad series drawn: bars in a terminal, an SVG file. */
#include "chart.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static double net(const series_row_t *r) { return r->quad[1] + r->quad[2] - r->quad[3] - r->quad[4]; }

void chart_terminal(FILE *out, const series_row_t *r, size_t n, series_by by)
{
    double maxabs = 0;
    for (size_t i = 0; i < n; i++) maxabs = fmax(maxabs, fabs(net(&r[i])));
    if (maxabs == 0) maxabs = 1;
    const int half = 25;
    fprintf(out, "\nnet cooperation (cooperation minus conflict), %s\n", n > 60 ? "last 60 periods" : "by period");
    for (size_t i = n > 60 ? n - 60 : 0; i < n; i++) {
        char lab[16];
        series_label(r[i].start, by, lab, sizeof lab);
        double v = net(&r[i]);
        int len = (int)lround(fabs(v) / maxabs * half);
        fprintf(out, "%-10s ", lab);
        for (int k = 0; k < half; k++) fputs(v < 0 && k >= half - len ? "\u2588" : " ", out);
        fputs("\u2502", out);
        for (int k = 0; k < half; k++) fputs(v > 0 && k < len ? "\u2588" : " ", out);
        fprintf(out, " %+.0f\n", v);
    }
}

int chart_svg(const char *path, const char *title, const series_row_t *r, size_t n, series_by by)
{
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    const double W = 960, H = 460, L = 70, R = 70, T = 50, B = 80;
    const double pw = W - L - R, ph = H - T - B;
    double maxn = 1;
    for (size_t i = 0; i < n; i++) maxn = fmax(maxn, r[i].n);
    /* a round axis maximum */
    double step = pow(10, floor(log10(maxn)));
    double ymax = ceil(maxn / step) * step;
    static const char *const col[5] = {"", "#4e9a06", "#2f6fb3", "#f0a020", "#cc2222"};
    static const char *const name[5] = {"", "verbal cooperation", "material cooperation", "verbal conflict",
                                        "material conflict"};
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" "
               "font-family=\"sans-serif\" font-size=\"12\">\n", W, H, W, H);
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(f, "<text x=\"%.0f\" y=\"24\" font-size=\"16\" text-anchor=\"middle\">", W / 2);
    for (const char *p = title; *p; p++) {
        if (*p == '<') fputs("&lt;", f);
        else if (*p == '&') fputs("&amp;", f);
        else fputc(*p, f);
    }
    fputs("</text>\n", f);
    /* left axis: events; right axis: Goldstein mean, -10..10 */
    for (int k = 0; k <= 5; k++) {
        double y = T + ph - ph * k / 5.0;
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, y, L + pw, y);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g</text>\n", L - 6, y + 4, ymax * k / 5.0);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\">%+g</text>\n", L + pw + 6, y + 4, -10 + 20 * k / 5.0);
    }
    fprintf(f, "<text transform=\"translate(18 %.0f) rotate(-90)\" text-anchor=\"middle\">events</text>\n", T + ph / 2);
    fprintf(f, "<text transform=\"translate(%.0f %.0f) rotate(90)\" text-anchor=\"middle\">Goldstein mean</text>\n",
            W - 16, T + ph / 2);
    double bw = n ? pw / (double)n : pw;
    size_t every = n > 24 ? (n + 23) / 24 : 1;
    for (size_t i = 0; i < n; i++) {
        double x = L + bw * (double)i, y = T + ph;
        for (int q = 1; q <= 4; q++) {
            double h = r[i].quad[q] / ymax * ph;
            if (h <= 0) continue;
            y -= h;
            fprintf(f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>\n", x + bw * 0.1, y,
                    bw * 0.8, h, col[q]);
        }
        if (i % every == 0) {
            char lab[16];
            series_label(r[i].start, by, lab, sizeof lab);
            fprintf(f, "<text transform=\"translate(%.1f %.1f) rotate(45)\">%s</text>\n", x + bw / 2, T + ph + 14, lab);
        }
    }
    /* Goldstein mean as a line over the periods that have events */
    fputs("<polyline fill=\"none\" stroke=\"black\" stroke-width=\"2\" points=\"", f);
    for (size_t i = 0; i < n; i++)
        if (r[i].n > 0)
            fprintf(f, "%.1f,%.1f ", L + bw * ((double)i + 0.5), T + ph - (r[i].gsum / r[i].n + 10) / 20 * ph);
    fputs("\"/>\n", f);
    fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"black\"/>\n", L, T + ph, L + pw, T + ph);
    for (int q = 1; q <= 4; q++) {
        double x = L + (q - 1) * 190;
        fprintf(f, "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"12\" fill=\"%s\"/>", x, H - 18, col[q]);
        fprintf(f, "<text x=\"%.0f\" y=\"%.0f\">%s</text>\n", x + 16, H - 8, name[q]);
    }
    fprintf(f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\" stroke-width=\"2\"/>"
               "<text x=\"%.0f\" y=\"%.0f\">Goldstein mean</text>\n", L + 760, H - 12, L + 780, H - 12, L + 784, H - 8);
    fputs("</svg>\n", f);
    return fclose(f);
}
