package lint

import (
	"reflect"
	"testing"
)

// TestParseIgnoreProse: a comment that names the directive in prose is
// not a suppression, while every spelling of a real one still is.
func TestParseIgnoreProse(t *testing.T) {
	for _, tc := range []struct {
		text   string
		ok     bool
		rules  []string
		reason string
	}{
		{"// authvet:ignore directive.", false, nil, ""},
		{"// authvet:ignore comments are honoured (see README).", false, nil, ""},
		{"// authvet:ignore plainhttp/url -- sandbox", true, []string{"plainhttp/url"}, "sandbox"},
		{"// authvet:ignore secret/generic-api-key,tokenlog -- fixture", true, []string{"secret/generic-api-key", "tokenlog"}, "fixture"},
		{"// authvet:ignore", true, nil, ""},
		{"/* authvet:ignore all -- generated */", true, []string{"all"}, "generated"},
		// The canonical form is always a directive, so a typo in it is
		// reported rather than ignored.
		{"//authvet:ignore Plainhttp. -- why", true, []string{"Plainhttp."}, "why"},
	} {
		rules, reason, ok := parseIgnore(tc.text)
		if ok != tc.ok || !reflect.DeepEqual(rules, tc.rules) || reason != tc.reason {
			t.Errorf("parseIgnore(%q) = %q, %q, %v; want %q, %q, %v", tc.text, rules, reason, ok, tc.rules, tc.reason, tc.ok)
		}
	}
}

// TestIgnoreCovers: a rule covers itself, an analyzer its rules, and a
// rule its variants (a lower-level form named with a suffix), but not a
// different rule that merely starts the same.
func TestIgnoreCovers(t *testing.T) {
	for _, tc := range []struct {
		rules []string
		id    string
		want  bool
	}{
		{[]string{"plainhttp/url"}, "plainhttp/url", true},
		{[]string{"plainhttp"}, "plainhttp/url-no-credential", true},
		{[]string{"plainhttp/url"}, "plainhttp/url-no-credential", true},
		{[]string{"credexposure/query"}, "credexposure/query-opt-in", true},
		{[]string{"all"}, "tokenlog/log", true},
		{[]string{"plainhttp/url-no-credential"}, "plainhttp/url", false},
		{[]string{"plainhttp/ur"}, "plainhttp/url", false},
		{[]string{"plainhttp/url"}, "plainhttp/urls", false},
		{[]string{"plain"}, "plainhttp/url", false},
		{[]string{"plainhttp-"}, "plainhttp-x/url", false},
	} {
		ig := &ignore{rules: tc.rules}
		if got := ig.covers(tc.id); got != tc.want {
			t.Errorf("%q covers %q = %v, want %v", tc.rules, tc.id, got, tc.want)
		}
	}
}
