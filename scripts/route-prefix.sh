#!/usr/bin/env bash
# Moves the API under /api/ route by route so that the app can serve the admins' console at /console/ (README, "The admins'
# console"): host.json's routePrefix becomes "" and every HTTP trigger's Route = "x" in functions/**/*.cs becomes
# Route = "api/x" — except the console's own routes ("console/…"), the catch-all ("{*path}", which answers every other
# path with a problem) and routes already under api/. A line the prefix makes longer than 140 characters is split
# after the method's "(" (the trigger's parameter on its own line), then, if still too long, after the attribute, then, for a route
# alone on its line, inside the literal ("a/" + "b", one constant to the compiler and the functions.metadata it builds).
# Idempotent: run it again after merging a branch that adds routes.
set -euo pipefail
cd "$(dirname "$0")/.."

perl -0pi -e 's/"routePrefix":\s*"[^"]*"/"routePrefix": ""/' functions/RedYifang.Functions/host.json

git ls-files 'functions/*.cs' | xargs grep -l 'Route = "' | while IFS= read -r file; do
  perl -pi -e '
    if (s/\bRoute = "(?!api\/|console\/|console"|\{\*)([^"]*)"/Route = "api\/$1"/g) {
      chomp(my $line = $_);
      if (length($line) > 140 && $line =~ /^(\s*)(\S.*?\()(\[HttpTrigger\(.*)$/) {
        $line = "$1$2\n$1    $3";
      }
      my @parts = split /\n/, $line;
      for my $p (@parts) {
        if (length($p) > 140 && $p =~ /^(\s*)(\[HttpTrigger\(.*?\)\]) (.*)$/) { $p = "$1$2\n$1$3"; }
        # A route alone on its line and still too long: the literal in two, joined by the compiler.
        if (length($p) > 140 && $p =~ /^(\s*)(Route = ")([^"]*)(".*)$/) {
          my ($indent, $head, $route, $tail) = ($1, $2, $3, $4);
          my $cut = rindex($route, "/", 140 - length($indent . $head) - 4);
          $p = $indent . $head . substr($route, 0, $cut + 1) . "\" +\n" . $indent . "    \"" . substr($route, $cut + 1) . $tail
            if $cut > 0;
        }
      }
      $_ = join("\n", @parts) . "\n";
    }' "$file"
done

too_long=$(git ls-files 'functions/*.cs' | xargs awk 'length($0) > 140 && /Route = "/ {print FILENAME ":" FNR}')
if [ -n "$too_long" ]; then
  echo "Lines still longer than 140 characters (split them by hand):" >&2
  echo "$too_long" >&2
  exit 1
fi
echo "routePrefix \"\"; routes under api/: $(git ls-files 'functions/*.cs' | xargs grep -ho 'Route = "api/' | wc -l)"
