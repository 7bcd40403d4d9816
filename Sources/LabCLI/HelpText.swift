/// The `--help` text of each command.
enum HelpText {
    /// `kdslab`, `kdslab help`, `kdslab --help`.
    static let main = """
        kdslab: learn Amazon Kinesis Data Streams security in your terminal.

        Usage: kdslab [--course DIR]   the lessons and labs (a REPL; 'help' inside)
               kdslab <command> [options]

        Commands:
          watch LAB         Re-grade a lab's draft each time you save it
          policy simulate   Decide whether policies allow actions (aws iam simulate-custom-policy)
          policy validate   Check a policy for errors and risks (aws accessanalyzer validate-policy)
          policy check-*    Prove a policy grants no new, listed or public access (Access Analyzer's
                            custom policy checks: check-no-new-access, check-access-not-granted,
                            check-no-public-access)
          progress          Show your progress in every lab, in course order (export/import
                            move it to another machine)
          reset LAB         Forget a lab's progress (your draft is kept aside)
          grade             Grade submissions against a lab (one learner or a whole class)
          lab validate      Check labs before learners see them (for lab authors)
          lab new ID        Start a new lab from a template (for lab authors)
          course new ID     Start a course of your own (for instructors)
          doctor            Say what kdslab finds (course, progress, pager, editor,
                            terminal, aws CLI and boto3) and what to do about what is missing
          serve             Serve a world on a local endpoint for the real aws CLI and SDKs
          help [COMMAND]    Show help for kdslab or for a command
          --version         Print kdslab's version and the course it uses

        The course: --course DIR (a folder with course.json, content/ and labs/) or
        --labs DIR [--content DIR]; else KDSLAB_LABS/KDSLAB_CONTENT, then KDSLAB_COURSE; else
        the nearest course folder at or above the working directory; else the course built
        into kdslab (--course built-in chooses it anywhere).
        Progress is kept in $KDSLAB_HOME (default $XDG_STATE_HOME/kdslab or ~/.local/state/kdslab),
        in courses/ID/ for a course other than kdslab's own.

        Every command accepts --no-color and -h/--help. Colour is used only on a terminal
        and never when NO_COLOR is set.
        Run 'kdslab <command> --help' for a command's options.
        """

    /// `kdslab grade --help`.
    static let grade = """
        Usage: kdslab grade --lab ID FILE|DIR... [--output FORMAT] [--course DIR | --labs DIR]

        Grades each submission against the lab's checks, the same way the REPL's `check`
        does, and reports every check with its points and message. A FILE is one learner's
        submission; a DIR holds one .json file per learner, or one folder per learner
        (with submission.json, or its only .json file). Grading is deterministic.

        Options:
          --lab ID         The lab to grade against (a folder under the labs folder)
          --course DIR     The course (default: found as `kdslab --help` says)
          --labs DIR       The labs folder instead
          --output FORMAT  text (default); json; junit (one test case per check); csv (one row
                           per learner: submission, score, max, passed, failed checks);
                           gradescope or exercism (their results.json; one object per learner
                           for a class); sarif (failing checks located in the submissions)

        Exit status: 0 when every submission passes, 1 when any fails, 2 on bad usage.
        A malformed or empty submission is a failed grade that carries the parse error
        with its line and column.
        """

    /// `kdslab serve --help`.
    static let serve = """
        Usage: kdslab serve [--port N] [--host ADDR] [--lab ID] [--course DIR] [--state FILE]
                            [--transitions instant|aws] [--transition-ms MS] [--quiet]

        Answers Kinesis, STS and IAM in AWS's own protocols on http://127.0.0.1:4567, so the
        real aws CLI and SDKs work against the simulated world:
          AWS_ACCESS_KEY_ID=admin AWS_SECRET_ACCESS_KEY=admin AWS_DEFAULT_REGION=us-east-1 \\
            aws --endpoint-url http://127.0.0.1:4567 kinesis list-streams
        The default world is an empty account whose administrator signs in with access key
        admin, secret admin. Logs one line per request on standard error. Ctrl-C (SIGINT)
        or SIGTERM finishes requests under way and stops.

        As on AWS, a new stream is CREATING for a while (listed and described, no shards,
        writes answer ResourceNotFoundException), a reshard, encryption or mode change keeps
        it UPDATING (other changes answer ResourceInUseException; data still flows), a
        deleted stream is DELETING before it is gone, and a consumer is CREATING or DELETING:
        script with 'aws kinesis wait stream-exists' as you would against AWS.

        Options:
          --port N         The port (default 4567; 0 picks a free one)
          --host ADDR      The address to listen on (default 127.0.0.1; warns if not loopback)
          --lab ID         Serve the lab's world with your draft (or the starter) in its slot,
                           and print one key per user and role (a role's key acts as a
                           session of the role)
          --course DIR     The course (default: found as `kdslab --help` says)
          --labs DIR       The labs folder instead
          --state FILE     Replay FILE's requests at start and append each change to it,
                           on disk before the request is answered (replayed under the
                           transition times they were made under)
          --transitions instant|aws
                           aws (default): the states above last a while; instant: a stream
                           is ACTIVE at once and gone at once
          --transition-ms MS
                           How long each transition lasts with aws, 1 to 600000 (default
                           3000, or $KDSLAB_TRANSITION_MS)
          --quiet          Do not log requests
          -h, --help       Show this help

        Exit status: 0 after a clean stop; 1 when the state file could not be written while
        serving (the server stops); 2 on bad usage, an unusable lab, draft or state file
        (unreadable, or not writable), or an address it cannot listen on (a port in use, say).
        """

    /// `kdslab policy --help`.
    static let policy = """
        Usage: kdslab policy <subcommand> [options]

        Subcommands:
          simulate   Decide whether policies allow actions (aws iam simulate-custom-policy)
          validate   Check a policy for errors and risks (aws accessanalyzer validate-policy)
          check-no-new-access
                     Whether a new version of a policy allows anything the old one does not
          check-access-not-granted
                     Whether a policy allows any of the listed actions or resources
          check-no-public-access
                     Whether a resource policy grants access to the public

        Run 'kdslab policy <subcommand> --help' for its options.
        """

    /// What every `policy check-*` help ends with.
    static let checkCommon = """

        Every request is considered: every principal, action of the bundled catalog, resource
        and request context, not a sample of them. Action wildcards mean the catalog's actions.
        An answer the analysis cannot decide is a FAIL that says why.

        Exit status: 0 PASS; 1 FAIL; 2 on bad usage or a malformed policy (with its line and column).

        Options:
          --output text|json      The verdict, a request that shows it and the statements
                                  that grant it (text; the default without --cli-input-json),
                                  or Access Analyzer's JSON response with kdslab's
                                  "counterexample" added (json; the default with it)
          --no-color              No colour, even on a terminal
          -h, --help              Show this help
        """

    /// `kdslab policy check-no-new-access --help`.
    static let checkNoNewAccess = """
        Usage: kdslab policy check-no-new-access --cli-input-json FILE [--output json|text]
               kdslab policy check-no-new-access --existing FILE --new FILE
                                                 [--policy-type IDENTITY_POLICY|RESOURCE_POLICY]

        Checks whether the new version of a policy allows any request that the existing
        version does not (aws accessanalyzer check-no-new-access). PASS says nothing about
        what the existing policy allows.

          --cli-input-json FILE   The AWS CLI's input ('-' for standard input):
                                  {"newPolicyDocument": "...", "existingPolicyDocument": "...",
                                   "policyType": "IDENTITY_POLICY"|"RESOURCE_POLICY"}
                                  with each policy as a JSON string
          --existing FILE         The policy as it is
          --new FILE              The policy as you would change it
          --policy-type TYPE      IDENTITY_POLICY (default) or RESOURCE_POLICY (a stream,
                                  consumer or key policy, or a role's trust policy)

        """ + checkCommon

    /// `kdslab policy check-access-not-granted --help`.
    static let checkAccessNotGranted = """
        Usage: kdslab policy check-access-not-granted --cli-input-json FILE [--output json|text]
               kdslab policy check-access-not-granted --policy FILE --action ACTION [--action ...]
                                                      [--resource ARN ...]
                                                      [--policy-type IDENTITY_POLICY|RESOURCE_POLICY]

        Checks whether a policy can allow any of the listed actions (on any of the listed
        resources, when given) in some request context (aws accessanalyzer
        check-access-not-granted). With only resources, any action on them counts.

          --cli-input-json FILE   The AWS CLI's input ('-' for standard input):
                                  {"policyDocument": "...", "access": [{"actions": [...],
                                   "resources": [...]}], "policyType": "IDENTITY_POLICY"}
                                  (one access entry; up to 100 actions and 100 resources)
          --policy FILE           The policy
          --action ACTION         An action such as kinesis:GetRecords (repeatable; wildcards allowed)
          --resource ARN          A resource ARN (repeatable; a wildcard only in the resource id)
          --policy-type TYPE      IDENTITY_POLICY (default) or RESOURCE_POLICY

        """ + checkCommon

    /// `kdslab policy check-no-public-access --help`.
    static let checkNoPublicAccess = """
        Usage: kdslab policy check-no-public-access --cli-input-json FILE [--output json|text]
               kdslab policy check-no-public-access --policy FILE --resource-type TYPE

        Checks whether a resource policy can grant access to the public: an anonymous caller,
        or a principal of an account that is neither the resource's nor one the policy names
        (aws accessanalyzer check-no-public-access). Conditions on aws:SourceVpce,
        aws:SourceVpc, aws:VpcSourceIp, aws:PrincipalOrgID, aws:PrincipalOrgPaths,
        aws:SourceAccount, aws:SourceArn, aws:SourceOwner and aws:userid limit the public;
        aws:SourceIp does not (anyone can call from any address).

          --cli-input-json FILE   The AWS CLI's input ('-' for standard input):
                                  {"policyDocument": "...", "resourceType": "AWS::Kinesis::Stream"}
          --policy FILE           The resource policy
          --resource-type TYPE    AWS::Kinesis::Stream, AWS::Kinesis::StreamConsumer,
                                  AWS::KMS::Key or AWS::IAM::AssumeRolePolicyDocument

        """ + checkCommon

    /// `kdslab policy simulate --help`.
    static let simulate = """
        Usage: kdslab policy simulate --cli-input-json FILE [--output json|text]
               kdslab policy simulate --policy FILE [--policy FILE ...] --action ACTION [--action ...]
                                      [--resource ARN ...] [--context KEY=TYPE:VALUE[,VALUE...] ...]
                                      [--resource-policy FILE] [--boundary FILE] [--caller ARN]
                                      [--output text|json]

        Decides, for every action on every resource, whether the policies allow it: allowed,
        explicitDeny or implicitDeny. Exits 0 whatever the decision; 2 on bad input.

        The AWS CLI's form:
          --cli-input-json FILE   The input of 'aws iam simulate-custom-policy --cli-input-json'
                                  (FILE may be '-' for standard input). Prints the same JSON
                                  output (EvaluationResults), or verdicts with '--output text'.

        The convenience form (prints readable verdicts with explanations):
          --policy FILE           An identity-based policy (repeatable; named by its file name)
          --action ACTION         An action such as kinesis:PutRecord (repeatable, no wildcards)
          --resource ARN          A resource ARN (repeatable; default '*')
          --context KEY=TYPE:VALUE[,VALUE...]
                                  A request context value (repeatable). TYPE is one of string,
                                  stringList, numeric, numericList, boolean, booleanList, ip,
                                  ipList, binary, binaryList, date, dateList; KEY=VALUE means a
                                  string. Examples: aws:SecureTransport=boolean:false,
                                  aws:TagKeys=stringList:team,env
          --resource-policy FILE  The resource's resource-based policy (for example a stream policy)
          --boundary FILE         The caller's permissions boundary
          --caller ARN            The caller (default: a user in the resource's account)

        Options:
          --output text|json      Verdicts for people (text) or a JSON document (json)
          --no-color              No colour, even on a terminal
          -h, --help              Show this help
        """

    /// `kdslab policy validate --help`.
    static let validate = """
        Usage: kdslab policy validate FILE [--policy-type IDENTITY_POLICY|RESOURCE_POLICY]
                                           [--output text|json]

        Checks a policy as IAM Access Analyzer's ValidatePolicy does and lists its findings:
        errors, security warnings, warnings and suggestions. FILE may be '-' for standard input.
        Exits 1 when there is an ERROR or SECURITY_WARNING finding, else 0; 2 on bad input.

        Options:
          --policy-type TYPE      IDENTITY_POLICY (default), RESOURCE_POLICY, TRUST_POLICY or
                                  SERVICE_CONTROL_POLICY; the _POLICY may be left off, any case
          --output text|json      Findings with the policy's lines marked (text), or
                                  ValidatePolicy's JSON response (json)
          --no-color              No colour, even on a terminal
          -h, --help              Show this help
        """

    /// `kdslab progress --help`.
    static let progress = """
        Usage: kdslab progress [--verify] [--output text|json] [--course DIR]
               kdslab progress export FILE [--course DIR]
               kdslab progress import FILE [--replace] [--course DIR]

        Shows each lab's status, best score, attempts and hints used, in course order (the
        REPL's `progress` shows the same table), and checks the attempt log's hash chain.
        Progress lives in $KDSLAB_HOME, else $XDG_STATE_HOME/kdslab, else
        ~/.local/state/kdslab; a course other than kdslab's own keeps it in courses/ID/ there.
        --output json is a versioned document (schema kdslab-progress; docs/progress-json.md).

        export FILE writes your progress in the course (attempt log, lessons read, drafts) to
        FILE ('-' for standard output). import FILE takes it on another machine: FILE must be
        for the same course and its attempt log intact; it is taken only when your log here
        is a beginning of it. When yours is newer or went its own way nothing changes (exit 1)
        unless --replace, which keeps your files aside first. Drafts that differ stay; FILE's
        are saved beside them.
        The chain detects accidental damage and naive edits, not someone who edits the log
        and recomputes the hashes; instructors grade submissions, not local progress.
        Exits 0; 1 when the attempt log is not intact; 2 when the files cannot be read.

        Options:
          --verify                Only check the log: the first broken line by number, and
                                  what the check does and does not show
          --output text|json      A table (text) or a JSON document (json)
          --course DIR            The course (default: found as `kdslab --help` says)
          --labs DIR              The course's labs folder instead (and --content DIR its lessons)
          --no-color              No colour, even on a terminal
          -h, --help              Show this help
        """

    /// `kdslab reset --help`.
    static let reset = """
        Usage: kdslab reset LAB [--yes] [--course DIR]

        Forgets LAB's status, scores, attempts and hints, and moves your draft to
        workspace/LAB.json.bak-TIME (nothing is deleted; the attempt log keeps its history);
        the lab's starter becomes your draft again. Without --yes, says what it would forget
        and exits 1. A lab that neither the course nor your progress knows is an error
        (exit 2) that names the nearest lab.

        Options:
          --yes                   Reset without asking
          --course DIR            The course (default: found as `kdslab --help` says)
          --labs DIR              The course's labs folder instead (and --content DIR its lessons)
          -h, --help              Show this help
        """

    /// `kdslab watch --help`.
    static let watch = """
        Usage: kdslab watch LAB [--course DIR]

        Grades your draft for LAB (as the REPL's `check` does, without recording) and again
        each time the draft file is saved, like rustlings' watch mode. Starts the draft from
        the lab's starter when you have none. Ctrl-C leaves.

        Options:
          --course DIR            The course (default: found as `kdslab --help` says)
          --labs DIR              The course's labs folder instead (and --content DIR its lessons)
          --no-color              No colour, even on a terminal
          -h, --help              Show this help
        """

    /// `kdslab lab --help`.
    static let lab = """
        Usage: kdslab lab <subcommand> [options]

        Subcommands (for lab authors):
          validate [DIR|ID ...]   Check labs before learners see them
          new ID                  Start a new lab from a template

        Run 'kdslab lab <subcommand> --help' for its options.
        """

    /// `kdslab lab validate --help`.
    static let labValidate = """
        Usage: kdslab lab validate [DIR|ID ...] [--output text|json] [--course DIR]

        Checks each lab (the whole course when none is named: its course.json, lessons and
        every lab; an argument with a '/' is a lab folder, otherwise a lab id) and lists every
        problem as 'path/file:line:column: severity: message', then one summary line per lab:
          - course.json: its fields, the kdslab it needs, its lesson and lab lists against
            the folders; lessons: file names, titles, Markdown;
          - lab.json: schema, check kinds, actions, ARNs, principals, streams, keys, lessons;
          - the solution passes every check, the starter fails at least one, each
            variants/NAME.json passes, each mutants/NAME.json fails the checks (and mentions
            the words) its NAME.expect names;
          - mutation testing: the solution is changed in insecure ways (Action widened to
            'service:*' or '*', Resource to '*' or a name wildcard, Principal to '*' or the
            account root, Condition or statement dropped, Deny turned into Allow, Action into
            NotAction); a change that passes every check is reported: an error when it grants
            every action, resource or principal or turns a Deny into an Allow, else a warning;
          - a hint ladder of fewer than 3 hints, no variants, fewer than 5 mutants: warnings.
        Exits 1 when there is any error, else 0 (warnings allowed); 2 on bad usage.

        Options:
          --output text|json      Problem lines and summaries (text) or a JSON document (json)
          --course DIR            The course (default: found as `kdslab --help` says)
          --labs DIR              The course's labs folder instead (and --content DIR its lessons)
          -h, --help              Show this help
        """

    /// `kdslab lab new --help`.
    static let labNew = """
        Usage: kdslab lab new ID [--from TEMPLATE] [--course DIR | --labs DIR]

        Creates the lab folder ID (lower-case letters, digits and dashes) in the labs folder
        from a template, with lab.json, prompt.md, starter.json, solution.json, variants/,
        mutants/ and AUTHORING.md. It validates as it is; titles, hints and prompt comments say
        what to replace. Never overwrites: an existing lab is refused.

        Templates:
          identity-policy         A role's identity policy (the default)
          stream-policy           A stream's resource policy for another account's role
          quiz                    A multiple-choice quiz (answers file)

        Options:
          --from TEMPLATE         The template (default identity-policy)
          --course DIR            The course folder (default: the one at or above here)
          --labs DIR              The labs folder instead
          -h, --help              Show this help
        """

    /// `kdslab course --help`.
    static let course = """
        Usage: kdslab course <subcommand> [options]

        Subcommands (for instructors):
          new ID                  Start a course of your own that validates as it is

        A course is a folder with course.json (id, title, version, the kdslab it needs,
        lesson and lab order), content/ and labs/; docs/authoring.md describes it.
        Run 'kdslab course <subcommand> --help' for its options.
        """

    /// `kdslab course new --help`.
    static let courseNew = """
        Usage: kdslab course new ID [--title TEXT] [--in DIR]

        Creates the course folder DIR/ID (ID: lower-case letters, digits and dashes) with a
        course.json, one lesson (content/01-first-lesson.md) and one lab (labs/first-lab, from
        the identity-policy template of 'lab new'). It validates as it is. Never overwrites.
        Run it with 'kdslab --course DIR/ID', or 'kdslab' inside the folder; its progress is
        kept apart from every other course's.

        Options:
          --title TEXT            The course's title (default: a placeholder to replace)
          --in DIR                Where to create it (default: here)
          -h, --help              Show this help
        """

    /// `kdslab doctor --help`.
    static let doctor = """
        Usage: kdslab doctor [--output text|json] [--course DIR]

        Says what kdslab finds and what to do about each missing piece: the course (which,
        where, its version), the state folder (where progress goes, whether it can be
        written, whether the attempt log is intact), the pager, the editor, the terminal's
        size and whether colour is on, and the aws CLI and boto3 that 'kdslab serve' is
        used with. Exits 0 when kdslab can run the course (missing extras are reported but
        fine); 1 when the course or the state folder is unusable; 2 on bad usage.

        Options:
          --output text|json      A list (text) or a JSON document (json; schema kdslab-doctor)
          --course DIR            The course to check (default: found as `kdslab --help` says)
          -h, --help              Show this help
        """
}
