package usequeryhelp

import (
	"net/http"

	"queryhelp"
)

func withKey(apiKey string) {
	http.Get(queryhelp.WithKey("https://api.example.com/x", apiKey)) // want `API key in parameter apiKey is put in the query string of a URL sent by http.Get`
}

func fetch() {
	queryhelp.Fetch("https://api.example.com/x?token=" + queryhelp.Token()) // want `token from environment variable SVC_TOKEN returned by queryhelp.Token is put in the query string of a URL sent by http.Get in queryhelp.Fetch`
}

func fetchWith() {
	queryhelp.FetchWith("https://api.example.com/x", queryhelp.Token()) // want `token from environment variable SVC_TOKEN returned by queryhelp.Token is put in the query string of a URL sent by http.Get in queryhelp.FetchWith`
}

func signed() {
	http.Get(queryhelp.Signed("/items")) // want `API key from environment variable STORE_API_KEY \(in the URL built by queryhelp.Signed\) is put in the query string of a URL sent by http.Get`
}

func fetchPlain(user string) {
	queryhelp.FetchWith("https://api.example.com/x", user) // not a credential
	queryhelp.Fetch("https://api.example.com/x?user=" + user)
}
