#!/bin/sh
# deploy-s3.sh BUCKET: publish the built site (output/) to an Amazon S3 bucket.
# Run it after `minutes build`, with the AWS CLI signed in. Files that changed
# are uploaded, files the site no longer has are deleted; each kind of file is
# sent with the type a browser needs (S3 keeps what the upload says).
set -eu
bucket="${1:?usage: deploy-s3.sh BUCKET}"
site="s3://$bucket"

# Pages, styles, scripts, open data, the sitemap: types guessed from their names.
aws s3 sync output/ "$site/" --delete \
  --exclude "papers/*" --exclude "*.wasm" --exclude "*.ics" --exclude "feed.xml" --exclude "*/feed.xml"
# Pagefind's search engine is WebAssembly, which browsers compile only with its own type.
aws s3 sync output/ "$site/" --delete --exclude "*" --include "*.wasm" \
  --content-type "application/wasm"
# Calendars and feeds.
aws s3 sync output/ "$site/" --delete --exclude "*" --include "*.ics" \
  --content-type "text/calendar; charset=utf-8"
aws s3 sync output/ "$site/" --delete --exclude "*" --include "feed.xml" --include "*/feed.xml" \
  --content-type "application/atom+xml; charset=utf-8"
# The original papers: downloaded, never opened as a page on the site (docs/robustness.md).
aws s3 sync output/papers "$site/papers" --delete --content-disposition attachment
