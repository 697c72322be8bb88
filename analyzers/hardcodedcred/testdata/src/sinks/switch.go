package sinks

import "net/http"

// A header named like a credential set to a switch turned off ("no" and
// one word) holds no credential: Atlassian's X-Atlassian-Token:
// no-check turns off the XSRF check of its REST APIs.
func switches(req *http.Request) {
	req.Header.Add("X-Atlassian-Token", "no-check") // a switch: silent
	req.Header.Set("X-Atlassian-Token", "No-check") // a switch: silent
	req.Header.Set("X-Cache-Token", "no_store")     // a switch: silent

	// Near misses: one word more, digits, a first word that only starts
	// with "no", mixed case: reported.
	req.Header.Set("X-Auth-Token", "no-check-9f8a7b6c") // want `credential in HTTP header X-Auth-Token is a string literal`
	req.Header.Set("X-Auth-Token", "nobody-knows")      // want `credential in HTTP header X-Auth-Token is a string literal`
	req.Header.Set("X-Auth-Token", "no-ChecK")          // want `credential in HTTP header X-Auth-Token is a string literal`
	req.Header.Set("X-Auth-Token", "no-secret-here")    // want `credential in HTTP header X-Auth-Token is a string literal`
}
