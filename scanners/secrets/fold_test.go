package secrets

import (
	"strings"
	"testing"

	"github.com/authvet/authvet/scanners/testkeys"
)

// TestWrappedTokenIsOneFinding: a provider's token inside a form that
// wraps it (curl-auth-user's -u "user:token") is one secret, reported
// once, under the provider's rule. Positives: -u ":ghp_…" in a workflow
// since removed, -u "deploy:ghp_…" in a script, --user 'bot:sk_live_…'.
// A header carrying a token (curl-auth-header on the token's own bytes)
// folds the same way. Near misses: a pair whose password is no provider
// token, a pair and a token header on the same line but apart (-u
// "user:pass" -H "…token ghp_…": the pair stays), a token and a pair on
// different lines of one file: each stays its own finding.
func TestWrappedTokenIsOneFinding(t *testing.T) {
	r := newRepo(t)
	pat1, pat2, pat3, pat4 := testkeys.GitHub(4101), testkeys.GitHub(4102), testkeys.GitHub(4103), testkeys.GitHub(4104)
	stripe := testkeys.Stripe(4105)
	r.write(".github/workflows/deploy.yaml", "jobs:\n  x:\n    steps:\n      - run: |\n          curl -u \":"+pat1+"\" \\\n            -X POST https://api.github.com/repos/o/r/dispatches\n")
	r.commit("workflow")
	r.git("rm", "-q", ".github/workflows/deploy.yaml")
	r.commit("drop workflow")
	r.write("scripts/release.sh", "#!/bin/sh\ncurl -u \"deploy:"+pat2+"\" https://api.github.com/user\n")
	r.write("scripts/billing.sh", "#!/bin/sh\ncurl --user 'bot:"+stripe+"' https://api.stripe.com/v1/charges\n")
	r.write("scripts/admin.sh", "#!/bin/sh\ncurl -u \"admin:Zq8vK2mXr7Lp\" https://intranet.acme.io/api\n")
	r.write("scripts/both.sh", "#!/bin/sh\ncurl -u \"ops:Wt5nB9cRq3Hy\" -H \"Authorization: token "+pat3+"\" https://api.github.com/user\n")
	r.write("scripts/apart.sh", "#!/bin/sh\nexport GITHUB_TOKEN="+pat4+"\ncurl -u \"ci-bot:Pk4dM8sVx2Jf\" https://ci.acme.io/api\n")
	r.commit("scripts")
	res := scanRepo(t, Options{Root: r.dir})

	rules := map[string][]string{}
	for _, f := range res.Findings {
		rules[f.Location.Path] = append(rules[f.Location.Path], strings.TrimPrefix(f.RuleID, "secret/"))
	}
	for _, c := range []struct {
		path string
		want string
	}{
		{".github/workflows/deploy.yaml", "github-pat"},
		{"scripts/release.sh", "github-pat"},
		{"scripts/billing.sh", "stripe-access-token"},
		{"scripts/admin.sh", "curl-auth-user"},            // near miss
		{"scripts/both.sh", "curl-auth-user github-pat"},  // near miss
		{"scripts/apart.sh", "curl-auth-user github-pat"}, // near miss
	} {
		got := rules[c.path]
		if strings.Join(sortedCopy(got), " ") != c.want {
			t.Errorf("%s: findings %v, want %s", c.path, got, c.want)
		}
	}
	assertNoLeak(t, res, pat1, pat2, pat3, pat4, stripe)
}

func sortedCopy(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}
