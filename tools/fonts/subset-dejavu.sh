#!/usr/bin/env bash
# Regenerates site/fonts/: the subset of DejaVu Sans and DejaVu Sans Bold that the share images
# (site/charts/png.ts) are drawn with. Not run by the build or CI: run it by hand after changing the
# list below, then check that the committed site's PNG files are unchanged (docs/architecture.md).
#
# Needs fontTools (Debian: python3-fonttools, hence /usr/bin/python3) and the full fonts of
# fonts-dejavu-core. UNICODES is the one declared list of what the committed fonts cover; the build
# reads the coverage back from the fonts' own cmap (site/charts/font-coverage.ts) and draws a card
# whose text goes beyond it with the full system fonts instead.
#
#   Basic Latin, Latin-1, Latin Extended-A: names, digits and signs, and most Latin-script letters;
#   Ơ ơ Ư ư and Latin Extended Additional's Vietnamese letters (U+1EA0–1EF9); the combining marks
#   of Vietnamese (in case a text is not composed); dashes, quotes, bullet, ellipsis, per mille, ₫,
#   minus, ≤ ≥; the band markers of site/lib/bands.ts (■ ▲ ◆ ● ✚).
#
# Hinting is dropped: resvg never hints, and the PNG files are byte-identical without it. Every
# OpenType layout feature is kept (kerning, mark positioning), which the drawing does use.
set -euo pipefail
cd "$(dirname "$0")/../.."

UNICODES="U+0020-007E,U+00A0-017F,U+01A0-01A1,U+01AF-01B0,U+0300-0303,U+0306,U+0309,U+031B,U+0323,\
U+1EA0-1EF9,U+2010-2027,U+2030,U+20AB,U+2212,U+2264-2265,U+25A0,U+25B2,U+25C6,U+25CF,U+271A"
source_dir=${DEJAVU_DIR:-/usr/share/fonts/truetype/dejavu}

for name in DejaVuSans DejaVuSans-Bold; do
  /usr/bin/python3 -m fontTools.subset "$source_dir/$name.ttf" \
    --unicodes="$UNICODES" --layout-features='*' --no-hinting \
    --output-file="site/fonts/$name-subset.ttf"
done
ls -l site/fonts/*.ttf
