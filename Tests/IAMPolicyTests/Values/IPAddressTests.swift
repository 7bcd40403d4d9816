import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("IPAddress")
    struct IPAddressTests {
        @Test("valid IPv4 parses to its 32-bit value", arguments: [
            ("0.0.0.0", UInt32(0)),
            ("255.255.255.255", UInt32.max),
            ("192.0.2.1", UInt32(0xC000_0201)),
            ("10.0.0.255", UInt32(0x0A00_00FF)),
            ("203.0.113.0", UInt32(0xCB00_7100)),
            ("1.2.3.4", UInt32(0x0102_0304)),
            ("100.20.0.9", UInt32(0x6414_0009)),
        ])
        func validV4(text: String, value: UInt32) throws {
            let a = try #require(IPAddress(parsing: text))
            #expect(a.family == .v4)
            #expect(a.v4Value == value)
            #expect(a.high == 0)
            #expect(a.description == text)
        }

        @Test("invalid IPv4 is rejected", arguments: [
            "", "1.2.3", "1.2.3.4.5", "256.0.0.1", "1.2.3.256", "01.2.3.4", "1.2.3.04", "00.0.0.0",
            "1..2.3", ".1.2.3", "1.2.3.", "1.2.3.4 ", " 1.2.3.4", "a.b.c.d", "1.2.3.-4", "1234.1.1.1",
            "1.2.3.4/24", "10.1", "0x7f.0.0.1", "1,2,3,4", "１.2.3.4",
        ])
        func invalidV4(text: String) {
            #expect(IPAddress(parsing: text) == nil)
        }

        @Test("valid IPv6 parses and prints canonically", arguments: [
            ("::", "::"),
            ("::1", "::1"),
            ("1::", "1::"),
            ("2001:DB8:1234:5678::", "2001:db8:1234:5678::"),
            ("2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"),
            ("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1"),
            ("2001:db8::1:0:0:1", "2001:db8::1:0:0:1"),
            ("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1"),
            ("FFFF:ffff:FfFf:ffff:ffff:ffff:ffff:ffff", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"),
            ("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0"),
            ("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8"),
            ("1:0:0:2:0:0:0:3", "1:0:0:2::3"),
            ("::ffff:192.0.2.1", "::ffff:192.0.2.1"),
            ("::FFFF:c000:0201", "::ffff:192.0.2.1"),
            ("64:ff9b::198.51.100.7", "64:ff9b::c633:6407"),
            ("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304"),
            ("fe80::1", "fe80::1"),
        ])
        func validV6(text: String, canonical: String) throws {
            let a = try #require(IPAddress(parsing: text))
            #expect(a.family == .v6)
            #expect(a.v4Value == nil)
            #expect(a.description == canonical)
            #expect(IPAddress(parsing: canonical) == a)
        }

        @Test("IPv6 halves are stored big-endian by group")
        func v6Halves() throws {
            let a = try #require(IPAddress(parsing: "2001:db8:1234:5678:9abc:def0:1:2"))
            #expect(a.high == 0x2001_0db8_1234_5678)
            #expect(a.low == 0x9abc_def0_0001_0002)
            let m = try #require(IPAddress(parsing: "::ffff:192.0.2.1"))
            #expect(m.isIPv4Mapped)
            #expect(m.high == 0 && m.low == 0xFFFF_C000_0201)
        }

        @Test("invalid IPv6 is rejected", arguments: [
            ":", ":::", "1:::2", "::1::", "1::2::3", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
            "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
            "12345::", "g::1", "fe80::1%eth0", "fe80::1%1", "[::1]", "::ffff:256.0.0.1",
            "::ffff:1.2.3", "::1.2.3.4:5", "1:2:3:4:5:6:7:1.2.3.4", "::ffff:01.2.3.4", " ::1",
            "::1 ", "1:2", "2001:db8::/64",
        ])
        func invalidV6(text: String) {
            #expect(IPAddress(parsing: text) == nil)
        }

        @Test("IPv4 and its mapped IPv6 form are different addresses")
        func familiesDiffer() throws {
            let v4 = try #require(IPAddress(parsing: "192.0.2.1"))
            let v6 = try #require(IPAddress(parsing: "::ffff:192.0.2.1"))
            let compat = try #require(IPAddress(parsing: "::c000:201"))
            #expect(v4 != v6)
            #expect(v4 != compat)
            #expect(v4.low == compat.low && v4.high == compat.high)
        }
    }
}
