package testsupport

import "strings"

// tools are tools that test a system from outside it, by the directory
// their harness lives in (with or without a leading dot: semaphore's
// .dredd/, an Ansible role's molecule/): its configuration, hooks and the
// data it feeds the system under test, secrets included, are made for a
// throwaway instance (semaphore's Dredd hooks insert their adminToken
// into a test database and send it to the server under test). Listed by
// name, since a tool's directory is named for the tool and nothing else.
// Cypress's directory is in dirNames. Clients whose collections are also
// run against live services (Postman, Bruno, Insomnia) are not test
// tools, nor is Storybook (a UI workshop). Test Kitchen's directory
// counts with its dot only (kitchen/ is a word too).
var tools = map[string]string{
	"dredd":        "Dredd, an API contract-testing tool",
	"playwright":   "Playwright, a browser-testing tool",
	"nightwatch":   "Nightwatch, a browser-testing tool",
	"wdio":         "WebdriverIO, a browser-testing tool",
	"testcafe":     "TestCafe, a browser-testing tool",
	"pact":         "Pact, a contract-testing tool",
	"pacts":        "Pact, a contract-testing tool",
	"schemathesis": "Schemathesis, an API-testing tool",
	"wiremock":     "WireMock, an HTTP mock server for tests",
	"mockserver":   "MockServer, an HTTP mock server for tests",
	"molecule":     "Molecule, Ansible's role-testing tool",
	".kitchen":     "Test Kitchen, an infrastructure-testing tool",
}

// Tool returns the test tool whose harness directory seg (one path
// segment) is, and whether it is one.
func Tool(seg string) (string, bool) {
	s := strings.ToLower(seg)
	if t, ok := tools[s]; ok {
		return t, true
	}
	if rest, dotted := strings.CutPrefix(s, "."); dotted && !strings.HasPrefix(rest, ".") {
		t, ok := tools[rest]
		return t, ok
	}
	return "", false
}

// harnessWords are test tools whose name, as a word of a file or
// function name (seed-cypress.go, SeedDatabaseForCypress), says the code
// prepares or drives that tool's runs against a throwaway instance. Only
// names that are no ordinary word in a service's code are listed
// (pact, molecule and kitchen are left out).
var harnessWords = map[string]bool{
	"cypress": true, "playwright": true, "dredd": true, "nightwatch": true,
	"wdio": true, "testcafe": true, "schemathesis": true, "wiremock": true,
}

// NamesTestTool reports whether a file stem or function name has a
// test tool's name as one of its words (split at - _ . and at case
// changes), and which.
func NamesTestTool(name string) (string, bool) {
	for _, w := range nameWords(name) {
		if harnessWords[w] {
			return w, true
		}
	}
	return "", false
}

// nameWords splits a name at - _ . and at lower-to-upper case changes,
// lower-cased: "SeedDatabaseForCypress" is seed, database, for, cypress.
func nameWords(name string) []string {
	var words []string
	start := 0
	flush := func(end int) {
		if end > start {
			words = append(words, strings.ToLower(name[start:end]))
		}
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		switch {
		case c == '-' || c == '_' || c == '.':
			flush(i)
			start = i + 1
		case c >= 'A' && c <= 'Z' && i > start && name[i-1] >= 'a' && name[i-1] <= 'z':
			flush(i)
			start = i
		}
	}
	flush(len(name))
	return words
}
