#!/usr/bin/env bash
# Refreshes the vendored front-end runtime (DSFR, htmx) under src/main/resources/static from npm,
# so that the Maven build itself never needs npm. Only the files the pages use are copied: the
# minified css/js, the woff2 fonts, the favicon, the icons referenced by the DSFR css plus the
# utility icons listed in USED_ICONS (their rules are extracted into a small css), a few pictograms.
#
#   scripts/refresh-frontend.sh [DSFR_VERSION] [HTMX_VERSION]
#
# Add an icon: append its name to USED_ICONS and run the script again.
set -euo pipefail

DSFR_VERSION="${1:-1}"      # latest 1.x by default
HTMX_VERSION="${2:-2}"      # latest 2.x by default
USED_ICONS=(
  account-circle-line logout-box-r-line building-line search-line map-pin-2-line team-line
  home-4-line add-line check-line close-circle-line settings-5-line arrow-left-line mail-line
  community-line government-line error-warning-line checkbox-circle-line eye-line information-line
  download-line delete-line close-line
)
PICTOGRAMS=(system/technical-error.svg system/padlock.svg buildings/city-hall.svg)

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
STATIC="$ROOT/src/main/resources/static"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

command -v npm >/dev/null || { echo "npm is required to refresh the front-end files" >&2; exit 2; }

(cd "$WORK" && npm pack --silent "@gouvfr/dsfr@$DSFR_VERSION" "htmx.org@$HTMX_VERSION" >/dev/null)
mkdir -p "$WORK/dsfr" "$WORK/htmx"
tar xzf "$WORK"/gouvfr-dsfr-*.tgz -C "$WORK/dsfr"
tar xzf "$WORK"/htmx.org-*.tgz -C "$WORK/htmx"
SRC="$WORK/dsfr/package/dist"
DSFR_REAL="$(node -p "require('$WORK/dsfr/package/package.json').version")"
HTMX_REAL="$(node -p "require('$WORK/htmx/package/package.json').version")"

DEST="$STATIC/dsfr"
rm -rf "$DEST"
mkdir -p "$DEST/fonts" "$DEST/favicon" "$DEST/utility/icons" "$STATIC/js"

cp "$SRC/dsfr.min.css" "$SRC/dsfr.module.min.js" "$SRC/dsfr.nomodule.min.js" "$DEST/"
cp "$SRC"/fonts/*.woff2 "$DEST/fonts/"
cp "$SRC"/favicon/{favicon.svg,favicon.ico,apple-touch-icon.png,manifest.webmanifest,android-chrome-192x192.png} "$DEST/favicon/"
# the manifest lists the 512px icon too; we ship only the 192px one
node -e "
  const f='$DEST/favicon/manifest.webmanifest', fs=require('fs');
  const m=JSON.parse(fs.readFileSync(f)); m.icons=m.icons.filter(i=>i.sizes==='192x192');
  fs.writeFileSync(f, JSON.stringify(m, null, 2)+'\n');"
# sourcemap comments would make browsers ask for files we do not ship
sed -i -E 's#/\*\# sourceMappingURL=[^*]*\*/##; s#//\# sourceMappingURL=.*$##' "$DEST"/*.min.css "$DEST"/*.min.js

# the utility icon classes we use, in the same folder layout so that ../../icons/ still resolves
node - "$SRC/utility/icons/icons.min.css" "$DEST/utility/icons/icons.min.css" "${USED_ICONS[@]}" <<'JS'
const fs = require('fs');
const [input, output, ...names] = process.argv.slice(2);
const css = fs.readFileSync(input, 'utf8');
const header = css.match(/^\/\*![\s\S]*?\*\//)[0];
const rules = names.map(name => {
  const re = new RegExp(`\\.fr-icon-${name}:after,\\.fr-icon-${name}:before\\{[^}]*\\}`);
  const found = css.match(re);
  if (!found) { console.error(`unknown DSFR icon: ${name}`); process.exit(2); }
  return found[0];
});
fs.writeFileSync(output, header + '\n' + rules.join('\n') + '\n');
JS

# every svg referenced by the css we ship
{
  grep -o 'url(icons/[^)]*)' "$DEST/dsfr.min.css" | sed -E 's#url\((icons/[^)]*)\)#\1#'
  grep -o 'url(\.\./\.\./icons/[^)]*)' "$DEST/utility/icons/icons.min.css" | sed -E 's#url\(\.\./\.\./(icons/[^)]*)\)#\1#'
} | sort -u | while read -r icon; do
  mkdir -p "$DEST/$(dirname "$icon")"
  cp "$SRC/$icon" "$DEST/$icon"
done

for picto in "${PICTOGRAMS[@]}"; do
  mkdir -p "$DEST/artwork/pictograms/$(dirname "$picto")"
  cp "$SRC/artwork/pictograms/$picto" "$DEST/artwork/pictograms/$picto"
done

cp "$WORK/htmx/package/dist/htmx.min.js" "$STATIC/js/htmx.min.js"

cat > "$DEST/NOTICE.md" <<NOTICE
# Vendored front-end files

Copied by \`scripts/refresh-frontend.sh\` from npm; do not edit by hand.

- \`@gouvfr/dsfr\` $DSFR_REAL — Système de Design de l'État (https://github.com/GouvernementFR/dsfr).
  Code under the Licence Ouverte / Etalab 2.0, with restricted use: as a marker of the State's
  visual identity the DSFR may be used only by French public administrations' services (see the
  DSFR terms of use). The **Marianne** font is reserved to State services and must not be reused
  outside them; Spectral is under the SIL Open Font License 1.1.
- \`htmx.org\` $HTMX_REAL (\`../js/htmx.min.js\`) — Zero-Clause BSD licence (https://htmx.org).
NOTICE

du -sh "$DEST" "$STATIC/js/htmx.min.js"
echo "DSFR $DSFR_REAL and htmx $HTMX_REAL copied into $STATIC"
