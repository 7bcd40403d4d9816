import LabKit

/// One line naming a course for `--version` and `doctor`: its title, id and version, where
/// it is and how it was chosen.
///
/// `Amazon Kinesis Data Streams security (kinesis-security 1.0.0), built into kdslab`
/// `Kinesis basics (kinesis-basics 0.1.0) in /home/ana/kinesis-basics, from --course`
/// `/tmp/labs (no course.json), from --labs`
struct CourseDescription {
    var location: CourseLocation
    var manifest: CourseManifest?

    var text: String {
        let place = location.isBuiltIn ? "" : " in \(location.root ?? location.labs)"
        guard let manifest else {
            return "\(location.root ?? location.labs) (no course.json), \(location.origin.description)"
        }
        return "\(manifest.title) (\(manifest.id) \(manifest.version))\(place), \(location.origin.description)"
    }
}
