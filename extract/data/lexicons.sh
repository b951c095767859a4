#!/bin/sh
# lexicons.sh derives the word lists givennames.txt and words.txt of this
# directory from their public sources (see README.md here):
#
#   sh lexicons.sh DIST_MALE_FIRST DIST_FEMALE_FIRST DIST_ALL_LAST AMERICAN_ENGLISH
#
# DIST_MALE_FIRST, DIST_FEMALE_FIRST and DIST_ALL_LAST are the US Census
# 1990 name files dist.male.first, dist.female.first and dist.all.last
# (shipped inside the PyPI package "names" 0.3.0, names/dist.*); the last
# is ranked by frequency, and surnames.txt keeps its first 2,000 names.
# AMERICAN_ENGLISH is the SCOWL
# size-50 American English word list (Debian package wamerican,
# /usr/share/dict/american-english). The output is sorted and reproducible.
set -eu
if [ $# -ne 4 ]; then
	echo "usage: sh lexicons.sh DIST_MALE_FIRST DIST_FEMALE_FIRST DIST_ALL_LAST AMERICAN_ENGLISH" >&2
	exit 2
fi
dir=$(dirname "$0")
export LC_ALL=C
{
	echo "# Given names: the first names of the US Census 1990 name files (male and"
	echo "# female), title-cased, one a line. Derived by lexicons.sh; see README.md."
	awk 'NF >= 4 { n = tolower($1); print toupper(substr(n, 1, 1)) substr(n, 2) }' "$1" "$2" | sort -u
} >"$dir/givennames.txt"
{
	echo "# Frequent surnames: the 2,000 most frequent last names of the US Census 1990"
	echo "# name file, title-cased, one a line. Derived by lexicons.sh; see README.md."
	awk 'NF >= 4 && $4 <= 2000 { n = tolower($1); print toupper(substr(n, 1, 1)) substr(n, 2) }' "$3" | sort -u
} >"$dir/surnames.txt"
{
	echo "# Common English words: the lower-case entries of the SCOWL size-50 American"
	echo "# English list, possessives left out, one a line. Derived by lexicons.sh;"
	echo "# see README.md."
	grep -v "'" "$4" | grep '^[a-z][a-z-]*$' | sort -u
} >"$dir/words.txt"
