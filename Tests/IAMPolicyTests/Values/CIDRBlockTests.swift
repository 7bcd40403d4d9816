import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("CIDRBlock")
    struct CIDRBlockTests {
        @Test("parses prefix, family and flags", arguments: [
            ("203.0.113.0/24", IPAddress.Family.v4, 24, true, false),
            ("10.0.0.1/8", .v4, 8, true, true),
            ("10.0.0.0/8", .v4, 8, true, false),
            ("192.0.2.7", .v4, 32, false, false),
            ("0.0.0.0/0", .v4, 0, true, false),
            ("1.2.3.4/0", .v4, 0, true, true),
            ("192.0.2.7/32", .v4, 32, true, false),
            ("2001:DB8:1234:5678::/64", .v6, 64, true, false),
            ("2001:db8:1234:5678::1/64", .v6, 64, true, true),
            ("::/0", .v6, 0, true, false),
            ("::1", .v6, 128, false, false),
            ("::1/128", .v6, 128, true, false),
            ("2001:db8::/32", .v6, 32, true, false),
            ("2001:db8::8000/113", .v6, 113, true, false),
            ("2001:db8::8000/112", .v6, 112, true, true),
        ])
        func parses(text: String, family: IPAddress.Family, prefix: Int, explicit: Bool, hostBits: Bool) throws {
            let b = try #require(CIDRBlock(parsing: text))
            #expect(b.family == family)
            #expect(b.prefixLength == prefix)
            #expect(b.hasExplicitPrefix == explicit)
            #expect(b.hostBitsSet == hostBits)
        }

        @Test("malformed blocks are rejected", arguments: [
            "", "/24", "10.0.0.0/", "10.0.0.0/33", "10.0.0.0/-1", "10.0.0.0/+8", "10.0.0.0/08",
            "10.0.0.0/8/8", "10.0.0.0/ 8", "10.0.0.0 /8", "10.0.0.0/8 ", "10.0.0/8", "::/129",
            "::/1000", "::/0128", "fe80::1%eth0/64", "2001:db8::/6a", "300.0.0.0/8", "10.0.0.0/3x",
        ])
        func rejects(text: String) {
            #expect(CIDRBlock(parsing: text) == nil)
        }

        @Test("membership, boundaries inclusive", arguments: [
            ("203.0.113.0/24", "203.0.113.0", true),
            ("203.0.113.0/24", "203.0.113.255", true),
            ("203.0.113.0/24", "203.0.113.128", true),
            ("203.0.113.0/24", "203.0.114.0", false),
            ("203.0.113.0/24", "203.0.112.255", false),
            ("10.0.0.1/8", "10.255.255.255", true),
            ("10.0.0.1/8", "10.0.0.0", true),
            ("10.0.0.1/8", "11.0.0.0", false),
            ("10.0.0.1/8", "9.255.255.255", false),
            ("0.0.0.0/0", "0.0.0.0", true),
            ("0.0.0.0/0", "255.255.255.255", true),
            ("192.0.2.7/32", "192.0.2.7", true),
            ("192.0.2.7/32", "192.0.2.8", false),
            ("192.0.2.7/32", "192.0.2.6", false),
            ("192.0.2.7", "192.0.2.7", true),
            ("192.0.2.7", "192.0.2.8", false),
            ("128.0.0.0/1", "127.255.255.255", false),
            ("128.0.0.0/1", "128.0.0.0", true),
            ("192.0.2.0/31", "192.0.2.1", true),
            ("192.0.2.0/31", "192.0.2.2", false),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5678::", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5678:ffff:ffff:ffff:ffff", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5678:1:2:3:4", true),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5679::", false),
            ("2001:DB8:1234:5678::/64", "2001:db8:1234:5677:ffff:ffff:ffff:ffff", false),
            ("2001:db8::/32", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true),
            ("2001:db8::/32", "2001:db9::", false),
            ("2001:db8::/65", "2001:db8::7fff:ffff:ffff:ffff", true),
            ("2001:db8::/65", "2001:db8::8000:0:0:0", false),
            ("::/0", "::", true),
            ("::/0", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true),
            ("::1/128", "::1", true),
            ("::1/128", "::2", false),
            ("::1/128", "::", false),
            ("::1", "::1", true),
            ("2001:db8::8000/113", "2001:db8::ffff", true),
            ("2001:db8::8000/113", "2001:db8::7fff", false),
            ("::ffff:0:0/96", "::ffff:192.0.2.1", true),
        ])
        func membership(block: String, address: String, expected: Bool) throws {
            let b = try #require(CIDRBlock(parsing: block))
            let a = try #require(IPAddress(parsing: address))
            #expect(b.contains(a) == expected)
        }

        @Test("IPv4 and IPv6 never match each other", arguments: [
            ("0.0.0.0/0", "::"),
            ("0.0.0.0/0", "::ffff:192.0.2.1"),
            ("192.0.2.0/24", "::ffff:192.0.2.1"),
            ("192.0.2.0/24", "::c000:201"),
            ("::/0", "0.0.0.0"),
            ("::/0", "192.0.2.1"),
            ("::ffff:0:0/96", "192.0.2.1"),
            ("::ffff:192.0.2.0/120", "192.0.2.1"),
            ("::c000:200/120", "192.0.2.1"),
        ])
        func familiesNeverMix(block: String, address: String) throws {
            let b = try #require(CIDRBlock(parsing: block))
            let a = try #require(IPAddress(parsing: address))
            #expect(!b.contains(a))
        }

        @Test("network masks host bits; description keeps what was written")
        func networkAndDescription() throws {
            let b = try #require(CIDRBlock(parsing: "10.1.2.3/8"))
            #expect(b.network.description == "10.0.0.0")
            #expect(b.description == "10.1.2.3/8")
            let c = try #require(CIDRBlock(parsing: "2001:DB8:1234:5678::1/64"))
            #expect(c.network.description == "2001:db8:1234:5678::")
            #expect(c.description == "2001:db8:1234:5678::1/64")
            let d = try #require(CIDRBlock(parsing: "192.0.2.7"))
            #expect(d.description == "192.0.2.7")
        }

        @Test("programmatic init validates the prefix range")
        func programmaticInit() throws {
            let v4 = try #require(IPAddress(parsing: "10.0.0.0"))
            #expect(CIDRBlock(address: v4, prefixLength: 33) == nil)
            #expect(CIDRBlock(address: v4, prefixLength: -1) == nil)
            #expect(CIDRBlock(address: v4, prefixLength: 32) != nil)
            let v6 = try #require(IPAddress(parsing: "::"))
            #expect(CIDRBlock(address: v6, prefixLength: 128) != nil)
            #expect(CIDRBlock(address: v6, prefixLength: 129) == nil)
        }
    }
}
