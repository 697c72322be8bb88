// Package useplainlib prints plainlib's configurations. A field that
// plainlib shows holds a path is no credential here either; the
// password is, unless masked.
package useplainlib

import (
	"log"

	"plainlib"
)

type Settings struct {
	Name string
	DB   plainlib.DB
}

func show(db plainlib.DB, c plainlib.Cache) {
	m := db
	m.Password = "***"
	log.Printf("db: %+v", m)         // silent: ClientKey is a path (plainlib), Password masked
	log.Printf("cache: %+v", c)      // silent: TokenDir is a directory
	log.Printf("db: %+v", db)        // want `plainlib.DB with credential field Password`
	s := Settings{Name: "x", DB: db} // the DB copied in carries the password
	log.Printf("settings: %+v", s)   // want `useplainlib.Settings with credential field DB.Password`
}
