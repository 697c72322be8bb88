package fix

var apiToken = "Zq8Wx7Ec6Rv5Tb4Y" // want `token in var apiToken`
