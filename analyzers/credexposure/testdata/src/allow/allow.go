package allow

import "net/http"

func legacy(apiKey string) {
	http.Get("https://legacy.vendor.example.com/v1/data?key=" + apiKey) // listed in -allow-query-hosts
}

func other(apiKey string) {
	http.Get("https://api.vendor.example.com/v1/data?key=" + apiKey) // want `API key in parameter apiKey is put in the query string`
}

func maps(apiKey string) {
	http.Get("https://maps.googleapis.com/maps/api/geocode/json?key=" + apiKey) // want `API key in parameter apiKey is put in the query string`
}
