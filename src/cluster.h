/*
** cluster.h: online story clustering with near-duplicate folding.
**
** Each article, in arrival order, is first compared with the fingerprints of
** the articles still alive (shingle.h): an exact or near copy (estimated
** resemblance >= MARSAD_COPY_THRESHOLD) of an article dated within the
** window is folded under the earliest article of its group and joins that
** article's story (a text republished later than that is news again). Otherwise its most salient
** terms pick candidate stories from an inverted index (at most
** MARSAD_CLUSTER_CANDIDATES of them); the article is compared with the most
** recent articles of each candidate (storyterms.h) and joins the best story
** if the similarity, decayed by the date gap, reaches the threshold
** (marsad_cluster_threshold); else it starts a new story. When the article
** also reaches the threshold plus MARSAD_MERGE_MARGIN (scaled by the
** vocabulary's maturity, see below) with other candidate stories, or the
** threshold with a story of one or two articles (a fragment started by an
** article that arrived before what links it), it shows that they tell one
** story: they are merged into the one it joined (so that the result
** depends less on the order articles arrive in).
**
** The threshold follows the vocabulary's age: with few documents counted,
** inverse document frequencies cannot tell common words from rare ones, and
** scores of related articles come out lower (the seeds' pairs score about
** 0.25 among themselves, 0.45 once SaudiNewsNet is counted too). It goes
** from MARSAD_THRESHOLD_YOUNG at the first article to MARSAD_THRESHOLD_MATURE
** as the count grows, halfway at MARSAD_THRESHOLD_HALF documents; the merge
** margin likewise grows from 0 to MARSAD_MERGE_MARGIN (young scores are
** compressed: a fixed margin would never merge). Every decision keeps its
** evidence: score, best-matching article, shared terms, merged stories.
**
** Two levels: within its story, each article also joins an event, the
** articles telling one development within a day or two (what a front page
** shows), or starts a new one. An article joins the event of the story's
** original most similar to it (among the last articles of the story's
** recent events) when that similarity reaches the event threshold
** (marsad_cluster_event_threshold: the joining threshold plus MARSAD_EVENT_MARGIN)
** and its date lies within a day of one of the event's articles, the event
** spanning at most three days; a copy joins its original's event when its
** date fits it so (else it starts one: a republication days later). Stories
** thread events over weeks (the seeds: a war followed for a month); events
** are tight.
**
** Dates: an article is placed at its publication day. A story accepts an
** article whose date lies within the window (30 days by default) of the
** story's nearest dated article; the score decays linearly down to 0.8 times at
** the window's edge. An article without a date is placed by its ingestion:
** it takes no date penalty and does not move the clock; a story of undated
** articles only shows their ingestion days.
**
** Memory stays bounded: a story is alive while its last dated article is
** within the window of the clock (the latest publication day seen) or while
** it received one of the last MARSAD_CLUSTER_KEEP articles; other stories
** are never candidates again and are evicted from memory. All decisions
** depend only on the articles and their order, so that a rebuild from the
** stored articles in the same order gives the same stories.
*/
#ifndef MARSAD_CLUSTER_H
#define MARSAD_CLUSTER_H
#include "analysis.h"
#include "module.h"

#define MARSAD_THRESHOLD_YOUNG 0.21     /* joining similarity, first articles */
#define MARSAD_THRESHOLD_MATURE 0.25    /* joining similarity, many articles */
#define MARSAD_THRESHOLD_HALF 1000      /* documents where it is halfway */
#define MARSAD_MERGE_MARGIN 0.12        /* above the threshold: merges stories */
#define MARSAD_EVENT_MARGIN 0.18        /* above the threshold: joins an event */
#define MARSAD_COPY_THRESHOLD 0.60      /* resemblance that makes a copy */
#define MARSAD_CLUSTER_WINDOW 30        /* days, default */
#define MARSAD_CLUSTER_KEEP 20000       /* recent articles keeping stories alive */
#define MARSAD_CLUSTER_CANDIDATES 8     /* stories compared per article */
#define MARSAD_CLUSTER_MEMBERS 4        /* recent articles compared per story */
#define MARSAD_EVENT_CANDIDATES 16      /* events of its story compared per article */

typedef struct marsad_cluster marsad_cluster;

/* What the clusterer decided for one article. */
typedef struct marsad_assignment {
  long long iStory;        /* the story it joined or started */
  int bNew;                /* 1 when it started the story */
  double rScore;           /* similarity to the best article (or resemblance) */
  long long iBest;         /* best-matching article (rowid), 0 when new */
  long long iCopyOf;       /* the original it copies, 0 when not a copy */
  double rResemblance;     /* estimated resemblance to the original */
  int nMerged;             /* other stories it also matched, merged into iStory */
  long long aMerged[MARSAD_CLUSTER_CANDIDATES];  /* their ids */
  long long iEvent;        /* the event it joined or started */
  int bNewEvent;           /* 1 when it started the event */
  double rEventScore;      /* best similarity to an article of a fitting event */
  int nMergedEvent;        /* other events of the story it also matched */
  long long aMergedEvent[MARSAD_EVENT_CANDIDATES];  /* their ids, merged into iEvent */
} marsad_assignment;

/* Creates a clusterer. With a database (pDb not NULL) it loads its state
** from the stories tables on first use and stores every decision; without
** one it only keeps state in memory (for tests and evaluation). nWindow is
** the window in days (0: MARSAD_CLUSTER_WINDOW). *ppOut is NULL on failure. */
int marsad_cluster_new(marsad_db *pDb, int nWindow, marsad_cluster **ppOut /* OUT */);

/* Frees the clusterer (nothing is written). NULL is fine. */
void marsad_cluster_free(marsad_cluster *p);

/* Assigns the article pA->art (its iRowid must grow from call to call) to a
** story, stores the decision when there is a database, and describes it in
** *pOut (may be NULL). MARSAD_OK, MARSAD_NOMEM or a database error. */
int marsad_cluster_add(marsad_cluster *p, const marsad_analysis *pA,
                       marsad_assignment *pOut /* OUT */);

/* Reads the stored mentions of article pA->art.iRowid (their entity and
** field) into pA->aMention, as the entities module gave them at ingestion.
** Does nothing without a database. */
int marsad_cluster_read_mentions(marsad_cluster *p, marsad_analysis *pA);

/* Writes the changed stories, term counts and the clock to the database.
** Call inside the transaction that holds the articles. */
int marsad_cluster_flush(marsad_cluster *p);

/* Forgets all stories, in memory and (with a database) in the tables, so
** that the articles can be clustered again from the start, with a window of
** nWindow days (0: unchanged). */
int marsad_cluster_reset(marsad_cluster *p, int nWindow);

/* Drops the in-memory state so that the next use reloads it from the
** database (after a failure or a rollback left them apart). */
void marsad_cluster_forget(marsad_cluster *p);

/* The similarity at which an article joins a story once nDoc documents are
** counted in the vocabulary. */
double marsad_cluster_threshold(unsigned nDoc);

/* The similarity at which an article joins an event of its story once
** nDoc documents are counted. */
double marsad_cluster_event_threshold(unsigned nDoc);

/* The module that runs the clusterer on every ingested article. */
extern const marsad_module marsad_module_stories;

#endif
