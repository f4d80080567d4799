#include <stdio.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *f)
{
    fputs("usage: dyad COMMAND [OPTIONS]\n"
          "\n"
          "  code [INPUT...]            raw articles in, CAMEO events out (jsonl, tsv)\n"
          "  explain \"SENTENCE\"         show how a sentence is coded, step by step\n"
          "  eval --gold FILE.jsonl     precision, recall and F1 against gold events\n"
          "  ingest --db FILE [INPUT...] code and store articles and events (SQLite)\n"
          "  series --db FILE --source A --target B --by month   a dyad's relations over time\n"
          "  events --db FILE [FILTERS]  stored events with the sentences behind them\n"
          "  export --db FILE --format gdelt|icews|plover|csv   stored events for other tools\n"
          "  serve --db FILE [--port N]  dashboard and JSON API on 127.0.0.1\n"
          "  dict check [DIR]           lint a dictionary set (default: the built-in one)\n"
          "  dict stats [DIR]           count entries by part\n"
          "\n"
          "Run 'dyad COMMAND --help' for a command's options.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 1;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "code")) return cmd_code(argc - 1, argv + 1);
    if (!strcmp(cmd, "explain")) return cmd_explain(argc - 1, argv + 1);
    if (!strcmp(cmd, "eval")) return cmd_eval(argc - 1, argv + 1);
    if (!strcmp(cmd, "dict")) return cmd_dict(argc - 1, argv + 1);
    if (!strcmp(cmd, "ingest")) return cmd_ingest(argc - 1, argv + 1);
    if (!strcmp(cmd, "events")) return cmd_events(argc - 1, argv + 1);
    if (!strcmp(cmd, "series")) return cmd_series(argc - 1, argv + 1);
    if (!strcmp(cmd, "export")) return cmd_export(argc - 1, argv + 1);
    if (!strcmp(cmd, "serve")) return cmd_serve(argc - 1, argv + 1);
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return 0;
    }
    fprintf(stderr, "dyad: unknown command '%s'\n", cmd);
    usage(stderr);
    return 1;
}
