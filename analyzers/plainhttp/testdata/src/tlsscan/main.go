// Command tlsscan lists the certificates of the hosts it is given.
package main

import (
	"crypto/tls"
	"fmt"
	"os"
)

func dial(host string) (*tls.Conn, error) {
	return tls.Dial("tcp", host+":443", &tls.Config{InsecureSkipVerify: true}) // want `TLS probing or scanning tool`
}

func report(conn *tls.Conn) {
	for _, cert := range conn.ConnectionState().PeerCertificates {
		fmt.Println(cert.Subject, cert.NotAfter)
	}
}

func main() {
	for _, h := range os.Args[1:] {
		conn, err := dial(h)
		if err != nil {
			continue
		}
		report(conn)
		conn.Close()
	}
}
