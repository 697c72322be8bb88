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
