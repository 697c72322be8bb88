package main

import (
	"log"
	"net/http"
	"os"

	"golang.org/x/oauth2"

	"example.com/blind5/accounts/internal/clients"
	"example.com/blind5/accounts/internal/connect"
	"example.com/blind5/accounts/internal/login"
	"example.com/blind5/accounts/internal/provider"
	"example.com/blind5/accounts/internal/store"
)

func main() {
	st, err := store.Open()
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	(&login.Flows{Store: st, PublicHost: "accounts.example.com", AppURL: "https://app.example.com"}).Register(mux)
	(&provider.Provider{Clients: map[string]provider.Client{}, Codes: map[string]string{}}).Register(mux)
	(&connect.Connector{
		OAuth: &oauth2.Config{
			ClientID:     "accounts-ghe",
			ClientSecret: os.Getenv("GHE_CLIENT_SECRET"),
			Endpoint:     connect.GHEEndpoint,
			RedirectURL:  "https://accounts.example.com/connect/github/callback",
		},
		StateKey: []byte(os.Getenv("ACCOUNTS_STATE_KEY")),
		Hosts:    map[string]bool{"accounts.example.com": true},
		SaveToken: func(user string, tok *oauth2.Token) {
			log.Printf("github connected for %s (scope %v, expires %s)", user, tok.Extra("scope"), tok.Expiry) // NEAR tokenlog t32
		},
	}).Register(mux)
	_ = clients.Mailjet(os.Getenv("MJ_KEY"), os.Getenv("MJ_SECRET"))
	log.Fatal(http.ListenAndServe(":8090", mux))
}
