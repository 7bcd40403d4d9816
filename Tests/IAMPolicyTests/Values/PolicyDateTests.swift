import Testing
@testable import IAMPolicy

extension ValuesTests {
    @Suite("PolicyDate")
    struct PolicyDateTests {
        @Test("ISO 8601 and epoch text parse to the right instant", arguments: [
            // (text, epoch milliseconds, hadExplicitZone, isEpoch)
            ("2026-06-01T00:00:00Z", Int64(1_780_272_000_000), true, false),
            ("2026-06-01T02:00:00+02:00", 1_780_272_000_000, true, false),
            ("2026-05-31T22:00:00-02:00", 1_780_272_000_000, true, false),
            ("2026-06-01T05:30:00+05:30", 1_780_272_000_000, true, false),
            ("2026-06-01T23:30:00-05:30", 1_780_376_400_000, true, false),
            ("2026-06-01T00:00Z", 1_780_272_000_000, true, false),
            ("2026-06-01T00:00+00:00", 1_780_272_000_000, true, false),
            ("2026-06-01T00:00:00-00:00", 1_780_272_000_000, true, false),
            ("2026-06-01t00:00:00z", 1_780_272_000_000, true, false),
            ("2026-06-01", 1_780_272_000_000, false, false),
            ("2026-06-01T00:00:00", 1_780_272_000_000, false, false),
            ("2026-06-01T00:00", 1_780_272_000_000, false, false),
            ("2026-01", 1_767_225_600_000, false, false),
            ("2026", 1_767_225_600_000, false, false),
            ("2026-01-01", 1_767_225_600_000, false, false),
            ("1780272000", 1_780_272_000_000, true, true),
            ("1735689600", 1_735_689_600_000, true, true),
            ("1735689600.5", 1_735_689_600_500, true, true),
            ("1735689600.123456", 1_735_689_600_123, true, true),
            ("0", 0, true, true),
            ("86400", 86_400_000, true, true),
            ("2026.5", 2_026_500, true, true),
            ("253402300799", 253_402_300_799_000, true, true),
            ("2026-06-01T00:00:00.5Z", 1_780_272_000_500, true, false),
            ("2026-06-01T00:00:00.05Z", 1_780_272_000_050, true, false),
            ("2026-06-01T00:00:00.123Z", 1_780_272_000_123, true, false),
            ("2026-06-01T00:00:00.1239999Z", 1_780_272_000_123, true, false),
            ("2026-06-01T02:00:00.250+02:00", 1_780_272_000_250, true, false),
            ("2024-02-29", 1_709_164_800_000, false, false),
            ("2000-02-29T00:00:00Z", 951_782_400_000, true, false),
            ("2000-03-01T00:00:00Z", 951_868_800_000, true, false),
            ("1900-03-01T00:00:00Z", -2_203_891_200_000, true, false),
            ("1969-12-31T23:59:59Z", -1000, true, false),
            ("1969-12-31T23:59:59.5Z", -500, true, false),
            ("0001-01-01T00:00:00Z", -62_135_596_800_000, true, false),
            ("9999-12-31T23:59:59Z", 253_402_300_799_000, true, false),
            ("1970-01-01T23:59+23:59", 0, true, false),
            ("1970-01-01T00:00-23:59", 86_340_000, true, false),
            ("20260601", 20_260_601_000, true, true),  // not a compact date: epoch seconds
            ("2026-06-01T00:00:00.5", 1_780_272_000_500, false, false),
        ])
        func parses(text: String, millis: Int64, zone: Bool, epoch: Bool) throws {
            let d = try #require(PolicyDate(parsing: text))
            #expect(d.epochMilliseconds == millis)
            #expect(d.hadExplicitZone == zone)
            #expect(d.isEpoch == epoch)
        }

        @Test("malformed or out-of-range dates are rejected", arguments: [
            "", "-1", "-1735689600", "+1735689600", "1735689600.", ".5", "1735689600.5.5", "17356x9600",
            "253402300800", "99999999999999999999999", "2023-02-29", "1900-02-29", "2026-02-30",
            "2026-04-31", "2026-13-01", "2026-00-01", "2026-01-00", "2026-01-32", "2026-1-01",
            "2026-01-1", "26-01-01", "2026-06-01T24:00:00Z", "2026-06-01T23:60:00Z",
            "2026-06-01T23:59:60Z", "2026-06-01T1:00:00Z", "2026-06-01T", "2026-06-01T00",
            "2026-06-01T00Z", "2026-06-01T00:00:00.Z", "2026-06-01T00:00:00+24:00",
            "2026-06-01T00:00:00+02:60", "2026-06-01T00:00:00+0200", "2026-06-01T00:00:00+02",
            "2026-06-01T00:00:00ZZ", "2026-06-01T00:00:00 Z", "2026-06-01 00:00:00Z",
            "2026-06-01Z", "2026-06Z", "2026Z", "2026-06-01T00:00:00GMT", " 2026-06-01",
            "2026-06-01 ", "2026/06/01", "yesterday", "2026-06-01T00:00:00.5.5Z",
        ])
        func rejects(text: String) {
            #expect(PolicyDate(parsing: text) == nil)
        }

        @Test("offsets normalize: equal instants compare equal whatever the spelling")
        func offsetsNormalize() throws {
            let a = try #require(PolicyDate(parsing: "2026-06-01T02:00:00+02:00"))
            let b = try #require(PolicyDate(parsing: "2026-06-01T00:00:00Z"))
            let c = try #require(PolicyDate(parsing: "1780272000"))
            let d = try #require(PolicyDate(parsing: "2026-06-01"))
            #expect(a == b && b == c && c == d)
            #expect(Set([a, b, c, d]).count == 1)
            let later = try #require(PolicyDate(parsing: "2026-06-01T00:00:00.001Z"))
            #expect(b < later)
            #expect(later > c)
            #expect(!(a < b) && !(b < a))
        }

        @Test("iso8601String formats UTC with optional milliseconds", arguments: [
            (Int64(1_780_272_000_000), "2026-06-01T00:00:00Z"),
            (1_780_272_000_500, "2026-06-01T00:00:00.500Z"),
            (1_780_272_000_007, "2026-06-01T00:00:00.007Z"),
            (0, "1970-01-01T00:00:00Z"),
            (-1, "1969-12-31T23:59:59.999Z"),
            (-1000, "1969-12-31T23:59:59Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (253_402_300_799_000, "9999-12-31T23:59:59Z"),
            (-62_135_596_800_000, "0001-01-01T00:00:00Z"),
        ])
        func formats(millis: Int64, text: String) throws {
            let d = PolicyDate.fromEpochMilliseconds(millis)
            #expect(d.iso8601String == text)
            #expect(d.description == text)
            let back = try #require(PolicyDate(parsing: text))
            #expect(back.epochMilliseconds == millis)
        }

        @Test("days-from-civil round-trips every day of a 800-year span")
        func civilRoundTrip() {
            var day = PolicyDate.days(fromCivil: 1600, 1, 1)
            let end = PolicyDate.days(fromCivil: 2400, 12, 31)
            var ok = true
            while day <= end {
                let (y, m, d) = PolicyDate.civil(fromDays: day)
                if PolicyDate.days(fromCivil: y, m, d) != day || d > PolicyDate.daysIn(month: m, year: y) {
                    ok = false
                    break
                }
                day += 1
            }
            #expect(ok)
        }
    }
}
