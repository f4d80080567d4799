/* inflect — English verb forms from a base form.
 *
 * Dictionaries name each verb once, in its base form ("meet"); the coder must
 * recognise "meets", "met", "meeting". The regular rules cover most verbs;
 * irregular.txt lists the rest (and verbs whose final consonant doubles
 * although they have two syllables: "admit" -> "admitted").
 *
 * Forms are written into caller-owned fixed buffers; words longer than
 * INFLECT_MAX-4 bytes are copied without change.
 */
#ifndef DYAD_INFLECT_H
#define DYAD_INFLECT_H

#define INFLECT_MAX 64

enum { INF_BASE, INF_S, INF_PAST, INF_PP, INF_ING, INF_N };

/* Regular forms of base into out[INF_N]. */
void inflect_regular(const char *base, char out[INF_N][INFLECT_MAX]);

/* British spelling doubles a final l after one vowel in any syllable
 * ("cancel" -> "cancelled", "cancelling"; American "canceled"). Writes those
 * two forms and returns 1 when they differ from the regular ones, else 0. */
int inflect_british(const char *base, char *past, char *ing);

#endif
