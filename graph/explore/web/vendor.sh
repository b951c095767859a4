#!/usr/bin/env bash
# Vendors the explorer's JavaScript libraries from the npm registry into
# vendor/, at pinned versions checked against their registry
# integrity hashes, each with its licence. The files are committed and
# embedded in the kg binary (go:embed): nothing is fetched at run time.
#
#   graph/explore/web/vendor.sh          # needs npm, tar, openssl, base64
#
# To upgrade, change a version below, run the script, and replace the
# integrity with the one it reports (npm view PKG@VERSION dist.integrity).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="$here/vendor"

# package  version  integrity  file-in-package  vendored-name
pkgs=(
	"cytoscape 3.35.0 sha512-sMvBIXiGMnhkCaWz2R06FwF/27MNlS+Tqvi17foO9UhnUg3XGZccKjxsvEqQFAQYMSSZmN5SxYzUYlQ0DOJJ3g== dist/cytoscape.min.js cytoscape.min.js"
	"layout-base 2.0.1 sha512-dp3s92+uNI1hWIpPGH3jK2kxE2lMjdXdr+DH8ynZHpd6PUlH6x6cbuXnoMmiNumznqaNO31xu9e79F0uuZ0JFg== layout-base.js layout-base.js"
	"cose-base 2.2.0 sha512-AzlgcsCbUMymkADOJtQm3wO9S3ltPfYOFD5033keQn9NJzIbtnZj+UdBJe7DYml/8TdbtHJW3j58SOnKhWY/5g== cose-base.js cose-base.js"
	"cytoscape-fcose 2.2.0 sha512-ki1/VuRIHFCzxWNrsshHYPs6L7TvLu3DL+TyIGEsRcvVERmxokbf5Gdk7mFxZnTdiGtnA4cfSmjZJMviqSuZrQ== cytoscape-fcose.js cytoscape-fcose.js"
)

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"
{
	echo "Vendored by graph/explore/web/vendor.sh from the npm registry; do not edit."
	echo "Loaded in this order by the page: each file defines a global the next one uses."
	echo
	echo "FILE	PACKAGE	VERSION	LICENCE	INTEGRITY"
} >"$tmp/README"
for p in "${pkgs[@]}"; do
	read -r name version integrity file vendored <<<"$p"
	(cd "$tmp" && npm pack --silent "$name@$version" >/dev/null)
	tgz="$tmp/$name-$version.tgz"
	got="sha512-$(openssl dgst -sha512 -binary "$tgz" | base64 -w0)"
	if [[ "$got" != "$integrity" ]]; then
		echo "vendor.sh: $name@$version: integrity $got, want $integrity" >&2
		exit 1
	fi
	mkdir -p "$tmp/$name"
	tar -xzf "$tgz" -C "$tmp/$name"
	cp "$tmp/$name/package/$file" "$out/$vendored"
	cp "$tmp/$name/package/LICENSE" "$out/$name.LICENSE"
	licence="$(node -e 'process.stdout.write(require(process.argv[1]).license)' "$tmp/$name/package/package.json")"
	printf '%s\t%s\t%s\t%s\t%s\n' "$vendored" "$name" "$version" "$licence" "$integrity" >>"$tmp/README"
	echo "vendored $name@$version ($licence) -> vendor/$vendored" >&2
done
cp "$tmp/README" "$out/README"
