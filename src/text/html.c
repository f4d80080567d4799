#include "html.h"

#include <ctype.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <string.h>
#include <strings.h>

static const char *const skip_elements[] = {
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "figure", "figcaption",
    "iframe", "button", "select", "svg", "menu", "template", NULL,
};

static const char *const skip_words[] = {
    "related", "share", "social", "newsletter", "subscribe", "comment", "promo", "advert", "footer",
    "nav", "menu", "breadcrumb", "sidebar", "more-stories", "recommend", "byline", "caption", "credit", NULL,
};

static const char *const block_elements[] = {"p", "h1", "h2", "h3", "h4", "blockquote", "pre", NULL};

static int in_list(const char *s, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (!strcasecmp(s, list[i])) return 1;
    return 0;
}

static int furniture(xmlNode *n)
{
    if (in_list((const char *)n->name, skip_elements)) return 1;
    static const char *const attrs[] = {"class", "id", "role", NULL};
    for (int a = 0; attrs[a]; a++) {
        xmlChar *v = xmlGetProp(n, (const xmlChar *)attrs[a]);
        if (!v) continue;
        char low[256];
        size_t k = 0;
        for (; v[k] && k < sizeof low - 1; k++) low[k] = (char)tolower(v[k]);
        low[k] = 0;
        xmlFree(v);
        for (int i = 0; skip_words[i]; i++)
            if (strstr(low, skip_words[i])) return 1;
    }
    return 0;
}

/* Append the text under n with runs of white space folded to one space. */
static void text_of(xmlNode *n, buf_t *out)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const xmlChar *p = c->content; p && *p; p++) {
                int sp = *p == ' ' || *p == '\n' || *p == '\t' || *p == '\r';
                if (sp) {
                    if (out->len && out->p[out->len - 1] != ' ' && out->p[out->len - 1] != '\n') buf_putc(out, ' ');
                } else {
                    buf_putc(out, (char)*p);
                }
            }
        } else if (c->type == XML_ELEMENT_NODE && !furniture(c)) {
            if (!strcasecmp((const char *)c->name, "br")) buf_putc(out, ' ');
            text_of(c->children, out);
        }
    }
}

static void walk(xmlNode *n, buf_t *out)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || furniture(c)) continue;
        if (in_list((const char *)c->name, block_elements)) {
            size_t start = out->len;
            text_of(c->children, out);
            while (out->len > start && out->p[out->len - 1] == ' ') out->len--;
            if (out->len > start) buf_puts(out, "\n\n");
            else out->len = start;
            if (out->p) out->p[out->len] = 0;
        } else {
            walk(c->children, out);
        }
    }
}

static xmlNode *find(xmlNode *n, const char *name)
{
    for (xmlNode *c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE) continue;
        if (!strcasecmp((const char *)c->name, name)) return c;
        xmlNode *r = find(c->children, name);
        if (r) return r;
    }
    return NULL;
}

int html_extract(const char *html, size_t n, buf_t *out, buf_t *title)
{
    buf_reset(out);
    if (title) buf_reset(title);
    if (n > (size_t)0x7fffffff) return -1;
    htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, NULL,
                                    HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET);
    if (!doc) return -1;
    xmlNode *root = xmlDocGetRootElement(doc);
    if (title) {
        xmlNode *t = find(root, "title");
        if (t) text_of(t->children, title);
    }
    xmlNode *art = find(root, "article");
    if (!art) art = find(root, "main");
    if (!art) art = find(root, "body");
    if (art) walk(art->children, out);
    while (out->len && out->p[out->len - 1] == '\n') out->p[--out->len] = 0;
    buf_reserve(out, 0);
    xmlFreeDoc(doc);
    return 0;
}
