#!/bin/sh
# browser.sh: the web page as a person sees it, in headless Chromium (Debian's
# chromium package). Builds a database from the seeds (when ../shared is
# there) plus tests/data/serve.jsonl, starts `marsad serve`, lets Chromium
# run the page, and checks the rendered DOM: the stories (or articles) list,
# a story's headline, its figures chart and its denial with the speaker (once
# those routes exist), search, and that an article holding <script> and
# onerror markup shows it as text. Saves screenshots into $MARSAD_SCREENSHOTS
# (docs/screenshots/ holds the ones made with it). Skips (77) without chromium.
set -u
BIN=${MARSAD_BIN:-marsad}
HERE=$(cd "$(dirname "$0")" && pwd)
CHROME=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROME" ] || { echo "chromium not installed: skipped"; exit 77; }

tmp=$(mktemp -d)
shots=${MARSAD_SCREENSHOTS:-$tmp/shots}
mkdir -p "$shots"
pass=0 fail=0
srv=
cleanup() { [ -n "$srv" ] && kill "$srv" 2>/dev/null; wait 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT

ok() { pass=$((pass+1)); }
no() { fail=$((fail+1)); echo "FAIL: $*" >&2; }
# has FILE TEXT WHAT: the rendered page FILE contains TEXT.
has() { if grep -qF -- "$2" "$1"; then ok; else no "$3 (no '$2' in $1)"; fi; }
# hasnt FILE TEXT WHAT: it does not.
hasnt() { if grep -qF -- "$2" "$1"; then no "$3 ('$2' in $1)"; else ok; fi; }

# chrome URL OUT SHOT: the DOM after the page's scripts ran into OUT, and a
# screenshot into SHOT, from one fresh Chromium.
chrome() {
  profile=$(mktemp -d "$tmp/profile.XXXX")
  timeout 120 "$CHROME" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --virtual-time-budget=8000 --window-size=1280,2400 \
    --screenshot="$3" --dump-dom "$1" >"$2" 2>/dev/null || no "chromium failed on $1"
}

db=$tmp/t.db
seeds=${MARSAD_SHARED:-$HERE/../../shared}/seeds/seeds.jsonl
if [ -f "$seeds" ]; then "$BIN" --db "$db" ingest "$seeds" >/dev/null 2>&1 || no "ingest seeds"; fi
"$BIN" --db "$db" ingest "$HERE/data/serve.jsonl" >/dev/null 2>&1 || no "ingest serve.jsonl"

"$BIN" --db "$db" serve --port 0 >"$tmp/out" 2>&1 &
srv=$!
i=0
while ! grep -q "http://" "$tmp/out" 2>/dev/null && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
port=$(sed -n 's|.*http://127\.0\.0\.1:\([0-9]*\)/.*|\1|p' "$tmp/out")
[ -n "$port" ] || { cat "$tmp/out" >&2; echo "server did not start"; exit 1; }
base=http://127.0.0.1:$port
api() { python3 -c 'import sys,urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1]).read().decode())' "$base$1"; }
routes=$(api /api)
route() { case $routes in *\"$1\"*) return 0;; *) return 1;; esac; }

# The front page: stories when the server has them, else the articles.
chrome "$base/#/" "$tmp/home.html" "$shots/home.png"
has "$tmp/home.html" 'dir="rtl"' "page is right to left"
if route /api/stories; then
  has "$tmp/home.html" 'href="#/story/' "stories listed"
  route /api/entities && has "$tmp/home.html" 'title="مكان: ' "a story's entity chip says its kind"
else
  has "$tmp/home.html" 'ارتفاع حصيلة قتلى المرتزقة إلى 231' "articles listed"
fi

# The XSS article: its markup is text, and nothing of it became an element.
xss=$(api /api/articles | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if a["input"]=="srv-xss"][0])')
chrome "$base/#/article/$xss" "$tmp/xss.html" "$shots/article-untrusted.png"
has "$tmp/xss.html" '&lt;script&gt;window.__xss=1&lt;/script&gt;' "a <script> title shows as text"
has "$tmp/xss.html" '&lt;script&gt;window.__xss=3&lt;/script&gt;' "a <script> in the body shows as text"
hasnt "$tmp/xss.html" '<script>window.__xss' "no injected script element"
hasnt "$tmp/xss.html" '<img src="x"' "no injected img element"
hasnt "$tmp/xss.html" 'href="javascript:' "no javascript: link"

# An article with its facts highlighted, each fact linking to its words.
if route "/api/articles/{id}/facts"; then
  a1=$(api /api/articles | python3 -c 'import json,sys; print([a["id"] for a in json.load(sys.stdin) if a["input"]=="srv-1"][0])')
  chrome "$base/#/article/$a1" "$tmp/article.html" "$shots/article.png"
  has "$tmp/article.html" 'class="hl-figure' "a figure highlighted in the text"
  has "$tmp/article.html" 'class="hl-statement' "a statement highlighted in the text"
  has "$tmp/article.html" "href=\"#/article/$a1/fig-" "a figure links to its words"
  # its entities listed, title included, each linking to its page
  if route "/api/entities/{id}"; then
    obs=$(api "/api/articles/$a1/facts" | python3 -c 'import json,sys; print([m["entity"] for m in json.load(sys.stdin)["mentions"] if m["field"]=="title"][0])')
    has "$tmp/article.html" "<a class=\"chip\" href=\"#/entity/$obs\">" "a title's entity listed with a link"
  fi
fi

# A story of the seeds (the largest story), with its chart and its denials.
if route /api/stories && [ -f "$seeds" ]; then
  sid=$(api "/api/stories?min_articles=3" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  chrome "$base/#/story/$sid" "$tmp/story.html" "$shots/story.png"
  has "$tmp/story.html" '<h1 dir="auto">' "story headline"
  has "$tmp/story.html" 'href="#/article/' "story articles"
  if route /api/figures; then
    has "$tmp/story.html" '<svg' "a chart of the figures"
    has "$tmp/story.html" '231' "the Observatory's running total in the chart"
  fi
  if route /api/statements; then
    has "$tmp/story.html" 'stance-deny' "a group of denials"
    has "$tmp/story.html" 'ينفي' "the denial label"
    denier=$(api "/api/statements?story=$sid&stance=deny" | python3 -c 'import json,sys; print(json.load(sys.stdin)[-1]["speaker_text"])')
    has "$tmp/story.html" "$denier" "a denial's speaker ($denier)"
  fi
fi

# An entity: its name and its spellings.
if route "/api/entities/{id}"; then
  ent=$(api "/api/entities?kind=person&limit=1" | python3 -c 'import json,sys; e=json.load(sys.stdin)[0]; print(e["id"], e["name"])')
  chrome "$base/#/entity/${ent%% *}" "$tmp/entity.html" "$shots/entity.png"
  has "$tmp/entity.html" "${ent#* }" "the entity's name"
  has "$tmp/entity.html" 'class="chip"' "its spellings"
  # its spellings as written, each with its mentions, the most frequent first
  top=$(api "/api/entities/${ent%% *}" | python3 -c 'import json,sys; s=json.load(sys.stdin)["spellings"][0]; print("%s (%d)" % (s["text"], s["mentions"]))')
  has "$tmp/entity.html" "<span class=\"chip\">$top</span>" "its most frequent spelling with its count"
  # with ?why=1, a table of the spellings with the reason of each merge
  chrome "$base/#/entity/${ent%% *}?why=1" "$tmp/entity-why.html" "$shots/entity-why.png"
  has "$tmp/entity-why.html" '<td dir="ltr">' "why each spelling was merged"
  # the entities page finds one by a part of its name, in its box
  chrome "$base/#/entities?name=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1].split()[-1]))' "${ent#* }")" \
    "$tmp/entities.html" "$shots/entities-name.png"
  has "$tmp/entities.html" 'id="entity-name"' "the entities page's name box"
  has "$tmp/entities.html" 'href="#/entities?kind=other&amp;name=' "the entities page's chip for other names, the name kept"
  has "$tmp/entities.html" '<a class="chip on" aria-current="page" href="#/entities?name=' "the kind shown (all) marked"
  has "$tmp/entities.html" "${ent#* }" "an entity found by a part of its name"
  # its mentions over time: a point for every day from the first to the last
  # (0 on the days between without any), not a line joining the dated days
  # (the Syrian Observatory: 2020-10-01 and 2020-10-31 in serve.jsonl)
  obs=$(api "/api/entities/$(python3 -c 'import urllib.parse; print(urllib.parse.quote("المرصد السوري لحقوق الإنسان"))')" \
    | python3 -c 'import json,sys,datetime as D; e=json.load(sys.stdin); d=[D.date.fromisoformat(x["date"]) for x in e["dates"] if x["date"]]; print(e["id"], (max(d)-min(d)).days+1)')
  chrome "$base/#/entity/${obs%% *}" "$tmp/entity-obs.html" "$shots/entity-days.png"
  check_days() { [ "$(grep -o '<circle' "$tmp/entity-obs.html" | wc -l)" -eq "${obs#* }" ]; }
  if check_days; then ok; else no "the mentions chart has a point for each of ${obs#* } days"; fi
  # a name copied with its clitics, held by no entity's name: the entity it names is offered
  chrome "$base/#/entities?name=$(python3 -c 'import urllib.parse; print(urllib.parse.quote("للمرصد السوري"))')" \
    "$tmp/entities-clitic.html" "$shots/entities-clitic.png"
  has "$tmp/entities-clitic.html" "href=\"#/entity/${obs%% *}\">المرصد السوري لحقوق الإنسان</a>" "the entity a name with clitics means"
fi

# The English labels (?lang=en): left to right, labels in English.
chrome "$base/?lang=en#/stories" "$tmp/en.html" "$shots/home-en.png"
has "$tmp/en.html" 'dir="ltr"' "English: left to right"
has "$tmp/en.html" '>عربي<' "English: the switch back to Arabic"

# Search, with the matches marked.
if route /api/search; then
  chrome "$base/#/search?q=%D9%85%D8%B1%D8%AA%D8%B2%D9%82%D8%A9" "$tmp/search.html" "$shots/search.png"
  has "$tmp/search.html" '<mark>' "highlighted snippets"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
