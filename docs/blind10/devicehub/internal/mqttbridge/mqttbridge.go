// Package mqttbridge forwards device commands to the MQTT broker the legacy devices listen on.
package mqttbridge

import (
	"crypto/tls"
	"encoding/binary"
	"fmt"
	"net"
	"time"
)

type Conn struct{ c net.Conn }

// Dial opens a TLS connection to the broker and sends MQTT 3.1.1 CONNECT with user and password.
func Dial(broker, user, password string) (*Conn, error) {
	c, err := tls.DialWithDialer(&net.Dialer{Timeout: 10 * time.Second}, "tcp", broker, &tls.Config{MinVersion: tls.VersionTLS12})
	if err != nil {
		return nil, fmt.Errorf("mqtt: connect %s as %s:%s: %w", broker, user, password, err) // ALT T17
	}
	str := func(s string) []byte { return append(binary.BigEndian.AppendUint16(nil, uint16(len(s))), s...) }
	body := append(str("MQTT"), 4, 0xC2, 0, 60) // protocol level 4, user+password+clean session, keepalive 60s
	body = append(append(append(body, str("devicehub-bridge")...), str(user)...), str(password)...)
	pkt := append([]byte{0x10, byte(len(body))}, body...)
	if _, err := c.Write(pkt); err != nil {
		c.Close()
		return nil, err
	}
	return &Conn{c: c}, nil
}

func (c *Conn) Close() error { return c.c.Close() }
