## Sign-in, accounts, people and the audit log

sign-in = Sign in
sign-out = Sign out
nav-home = My home
welcome-title = Welcome, { $name }

signin-title = Sign in to Pathways
signin-email = Email
signin-password = Password
signin-forgot-link = Forgot your password?
signin-explore-hint = You can explore careers without signing in.
signin-missing = Enter both your email and your password.
signin-wrong = That email and password do not match an account. Check them and try again.
signin-throttled = Too many attempts to sign in to this account. Wait 15 minutes and try again, or reset your password.
signin-done-out = You are signed out.
signin-done-everywhere = You are signed out on every device.
signin-done-reset = Your password is changed. Sign in with the new one.
signin-providers-heading = Sign in with your school account
signin-provider-button = Sign in with { $provider }
signin-providers-or = Or sign in with your Pathways email and password:
signin-provider-failed = Signing in with your school account did not work this time. Try again in a moment, or sign in with your email and password.
signin-provider-expired = That sign-in link has expired or was already used. Start again from this page.
signin-provider-no-account = Your school account is not linked to a Pathways account in this district. Ask your school's Pathways administrator to add you.
signin-demo-heading = Demo accounts
signin-demo-intro = This is a demo district. Every demo account uses the password
signin-demo-role = Role

forgot-title = Reset your password
forgot-intro = Enter the email of your account. We will send you a link to choose a new password.
forgot-submit = Send the link
forgot-sent = If an account uses that email, a link to reset its password is on its way. It works for one hour.
forgot-back = Back to sign-in

reset-title = Choose a new password
reset-intro = Choose a password you do not use anywhere else.
reset-new = New password
reset-confirm = Type the new password again
reset-hint = At least 8 characters. A long phrase is easy to remember and hard to guess.
reset-submit = Save the new password
reset-invalid = This link has expired or was already used. Ask for a new one.
reset-again = Ask for a new link

password-too-short = A password needs at least 8 characters.
password-too-long = A password may have at most 128 characters.
password-common = This password is one of the most common ones. Choose another.
password-is-email = Your password may not be your email address.
password-mismatch = The two passwords are not the same. Type them again.

role-student-name = Student
role-guardian-name = Parent or guardian
role-teacher-name = Teacher
role-counselor-name = Counselor
role-partner-name = Partner
role-school_admin-name = School administrator
role-district_admin-name = District administrator
role-instance_admin-name = Instance administrator

grade-n = Grade { $grade }

home-student-explore = Explore careers
home-student-explore-text = Say what you like to do and see the career clusters and jobs it points to.
home-student-profiler = Interest Profiler
home-student-profiler-text = Answer 60 quick questions to find the kinds of work that fit you.
home-student-record = My record
home-student-record-text = Your school, classes and counselor.
home-access-log = Who viewed my record
home-access-log-text = Every time a staff member opened your record.
home-guardian-children = Your students
home-guardian-none = No students are linked to your account yet. Ask your school to link them.
home-teacher-classes = Your classes
home-teacher-none = You have no classes yet.
home-counselor-caseload = Your caseload
home-counselor-count = { $count ->
    [one] { $shown } student
   *[other] { $shown } students
}
home-counselor-first = the first { $shown } by family name are listed here
home-partner-org = You represent { $organization }.
home-partner-clusters-text = The 14 career clusters students explore.
home-partner-occupations-text = Occupations, their tasks and their pay.
home-admin-schools = Schools
home-admin-students = Students
home-admin-teachers = Teachers
home-admin-classes = Classes

account-title = My account
account-role = Role
account-sessions = Signed-in devices
account-sessions-text = Lost a phone, or signed in on a shared computer? Sign out everywhere; you will need your password again on every device.
account-sign-out-everywhere = Sign out everywhere
account-password = Password
account-password-link = Change your password by email

student-name = Name
student-grade = Grade
student-school = School
student-counselors = Counselors
student-classes = Classes
student-guardians = Parents and guardians
student-none = None yet.
student-access-log-link = Who viewed this record

class-title = Class
class-course = Course
class-period = Period
class-teachers = Teachers
class-students = Students
class-roster = { $count ->
    [one] { $shown } student
   *[other] { $shown } students
}

access-log-title = Who viewed { $name }'s record
access-log-intro = Each time a teacher, counselor or administrator opens this record, it is written down here.
access-log-empty = No staff member has viewed this record yet.
access-log-back = Back to the record

audit-title = Audit log
audit-intro = Sign-ins, every staff view of a student's record, and every change and export in your district.
audit-person = Person (name or email of who acted, or of the student)
audit-action = Action
audit-any-action = Any action
audit-from = From
audit-to = To
audit-search = Search
audit-count = { $count ->
    [one] { $shown } entry
   *[other] { $shown } entries
}
audit-pages = Pages of the audit log
audit-when = When
audit-who = Who
audit-student = Student
audit-what = What
audit-from-where = From where
audit-nobody = Not signed in
audit-action-sign_in-name = Signed in
audit-action-sign_in_failed-name = Sign-in failed
audit-action-sign_out-name = Signed out
audit-action-sign_out_everywhere-name = Signed out everywhere
audit-action-password_reset_requested-name = Asked for a password reset
audit-action-password_reset-name = Reset the password
audit-action-view_student-name = Viewed a student record
audit-action-view_class-name = Viewed a class roster
audit-action-change-name = Changed
audit-action-export-name = Exported
audit-action-import-name = Imported

error-sign-in-title = Please sign in
error-sign-in = Sign in to see this page.
error-denied-title = Not available to you
error-denied = Your account does not have access to this page. If you think it should, ask your school's Pathways administrator.
error-too-many-title = Too many attempts
error-too-many = Wait a few minutes and try again.
error-field-date = Write the date as year-month-day, for example 2026-09-01.
error-field-action = Choose an action from the list.

## Administration: roster upload and API tokens
roster-title = Roster import
roster-intro = Upload your district's OneRoster 1.1 or 1.2 CSV set as a zip file. Every file is checked first; if anything is wrong, nothing is written and the report says what to fix. Importing the same set again changes nothing.
roster-file = OneRoster set (.zip)
roster-file-hint = The zip your student information system exports: manifest.csv, orgs.csv, users.csv, classes.csv, enrollments.csv and the rest.
roster-dry-run = Only check the set; write nothing
roster-submit = Upload and import
roster-choose-file = Choose the zip file of your OneRoster set first.
roster-report = Import report
roster-status-imported = Imported. The counts below say what changed.
roster-status-valid = The set is valid and would be imported. Nothing was written, because you chose to only check it.
roster-status-rejected = Rejected: nothing was written. Fix the problems below in your student information system and upload the set again.
roster-counts = Rows per file
roster-col-file = File
roster-col-read = Read
roster-col-imported = Imported
roster-col-skipped = Skipped
roster-col-line = Line
roster-col-column = Column
roster-col-message = What is wrong and what to do
roster-errors = Problems that stop the import
roster-warnings = Warnings
roster-more = { $count } more rows like this
roster-api-hint = Your student information system can send the same set every night with an API token:
error-field-upload = The upload could not be read.
tokens-title = API tokens
tokens-intro = Tokens let your district's systems call Pathways: for example, your student information system sending the roster every night. Each token works only for your district and only for the scopes you give it. Revoke a token as soon as it is no longer needed.
tokens-list = Your district's tokens
tokens-none = Your district has no API tokens yet.
tokens-name = Name
tokens-name-hint = Say what uses it, e.g. "SIS nightly roster".
tokens-scopes = Scopes
tokens-scope-roster-read-help = read the district's roster (people, schools, grades)
tokens-scope-roster-import-help = import OneRoster sets into the district
tokens-ends-with = Ends with
tokens-created-at = Created
tokens-last-used = Last used
tokens-never = never
tokens-state = State
tokens-revoked = Revoked
tokens-revoke = Revoke
tokens-revoke-named = Revoke the token { $name }
tokens-new = Create a token
tokens-create = Create token
tokens-created = Token "{ $name }" created
tokens-created-once = Copy it now and keep it somewhere safe: it is shown only this once. Pathways keeps only a fingerprint of it.
tokens-name-needed = Give the token a name of up to 100 characters.
tokens-scope-needed = Choose at least one scope.
tokens-usage = Systems send the token in a header:
tokens-api-docs = API reference

## Individual learning plans
home-student-plan = My plan
home-student-plan-text = The careers you are interested in, your goals, and how you will reach them.
home-plan-of = Plan
plan-title = Plan of { $name }
plan-intro-self = Your plan ties what you explore to what you do. Add the careers you are curious about and set goals you can measure. Your counselor sees it and can help.
plan-intro-staff = The student's individual learning plan: career interests, goals and every change.
plan-interests = Career interests
plan-interests-none = No career interests yet. Explore careers and add the ones you like.
plan-interests-none-other = No career interests chosen yet.
plan-add-interest = Add a cluster or sub-cluster
plan-whole-cluster = the whole cluster
plan-add = Add to the plan
plan-remove = Remove
plan-remove-named = Remove { $name } from the plan
plan-kind-cluster-name = Cluster
plan-kind-subcluster-name = Sub-cluster
plan-kind-occupation-name = Occupation
plan-goals = Goals
plan-goals-none = No goals yet.
plan-new-goal = New goal
plan-add-goal = Add the goal
plan-edit-goal = Edit "{ $title }"
plan-save = Save
plan-goal-title = Goal
plan-goal-benchmark = How you will know you reached it
plan-goal-benchmark-hint = Something you can measure, e.g. "a B or better in Biology" or "20 hours of volunteering by May".
plan-goal-kind = Kind of goal
plan-goal-status = Status
plan-goal-date = Target date (optional)
plan-goal-by = by
goal-kind-academic-name = Academic
goal-kind-career-name = Career
goal-kind-personal-name = Personal
goal-status-not_started-name = Not started
goal-status-in_progress-name = In progress
goal-status-done-name = Done
plan-history = History of changes
plan-history-none = No changes yet.
plan-conflict-heading = Someone else changed this part of the plan while you were editing
plan-conflict-explain = Your changes are not saved yet. Compare both versions: keep yours to save it over theirs, or keep the saved one.
plan-conflict-saved = Saved by someone else
plan-conflict-yours = Your version
plan-conflict-keep-mine = Save my version
plan-conflict-keep-saved = Keep the saved version
plan-add-to-mine = Add to my plan
plan-change-interest_added = added the interest { $what }
plan-change-interest_removed = removed the interest { $what }
plan-change-goal_added = added the goal "{ $what }"
plan-change-goal_changed = changed the goal "{ $what }"
plan-notes = Meeting notes and comments
plan-notes-intro = Private notes are read only by the student's counselors. Shared notes are also read by the student and their guardians. Teachers read neither.
plan-notes-none = No meeting notes yet.
plan-note-shared = Shared with the student and guardians
plan-note-private = Private to counselors
plan-note-body = Note from the meeting
plan-note-share = Share this note with the student and their guardians
plan-add-note = Add the note
plan-signoffs = Sign-offs for { $year }
plan-signoffs-intro = Each school year the student, a guardian and a counselor review the plan and sign it off.
plan-signoffs-none = Nobody has signed off this year's plan yet.
plan-sign = Sign off the { $year } plan
plan-signer-student-name = Student
plan-signer-guardian-name = Guardian
plan-signer-counselor-name = Counselor
plan-steps = Next steps
plan-steps-none = No next steps yet.
plan-step-owner = Who does it
plan-step-owner-student-name = Student
plan-step-owner-guardian-name = Guardian
plan-step-owner-counselor-name = Counselor
plan-step-owner-teacher-name = Teacher
plan-step-due = due
plan-step-overdue = overdue
plan-step-done = done
plan-step-mark-done = Mark done
plan-step-mark-done-named = Mark "{ $title }" done
plan-new-step = New next step
plan-step-title = Next step
plan-step-due-label = Due date (optional)
plan-add-step = Add the step
home-steps = Your next steps
home-steps-on-plan = on the plan of { $name }
caseload-title = My caseload
caseload-count = { $count ->
    [one] { $shown } student in your caseload
   *[other] { $shown } students in your caseload
}
caseload-queue = Who needs you next
caseload-rules = Students are ranked by these rules, most points first; the reasons are listed beside each student.
caseload-rule-overdue-steps = Overdue next steps: 3 points each
caseload-rule-no-cluster = No career cluster or sub-cluster chosen: 2 points
caseload-rule-no-recent-meeting = No meeting note in the last { $days } days: 2 points
caseload-rule-not-signed-off = Plan not signed off for { $year } by the student, a guardian and a counselor: 1 point
caseload-queue-empty = Nobody needs you right now: every plan is on track.
caseload-all = Whole caseload
caseload-any = Any
caseload-need = Needs
caseload-needs = Why
caseload-filter = Filter
caseload-shown = { $count ->
    [one] { $shown } student shown
   *[other] { $shown } students shown
}
caseload-last-meeting = Last meeting
caseload-never = never
caseload-need-overdue-steps-name = Overdue next steps
caseload-need-no-cluster-name = No cluster chosen
caseload-need-no-recent-meeting-name = No recent meeting
caseload-need-not-signed-off-name = Sign-offs missing this year
home-counselor-workspace = Open my caseload: who needs me next
caseload-group = Assign a next step to a grade
caseload-group-intro = The step goes on the plan of every student of that grade in your caseload, and onto each owner's home page.
caseload-group-submit = Assign to the whole grade
plan-comment-body = Your comment
plan-comment-hint = The student, their guardians and their counselors read it.
plan-add-comment = Add the comment

plan-contents = On this page
plan-signoffs-short = Sign-offs
plan-activities = Activities and work-based learning
plan-activities-intro = Clubs, sports, the arts, volunteering and jobs count as much as courses. Tag each with the clusters it relates to and the Career Ready Practices it shows.
plan-activities-other = Clubs, sports, arts, volunteering and jobs
plan-activities-none = No activities yet.
plan-work-based = Work-based learning
plan-work-based-none = No job shadows, internships or apprenticeships yet.
plan-new-activity = Add an activity or work-based learning
plan-add-activity = Add the activity
plan-edit-activity = Edit "{ $title }"
plan-activity-title = What you did
plan-activity-kind = Kind of activity
plan-activity-organization = Where or with whom (optional)
plan-activity-description = What you did and learned (optional)
plan-activity-started = Started (optional)
plan-activity-ended = Ended (optional)
plan-activity-hours = Hours in all (optional)
plan-activity-hours-n = { $count ->
    [one] { $shown } hour
   *[other] { $shown } hours
}
plan-tags = Tags
plan-tag-clusters = Clusters it relates to
plan-tag-practices = Career Ready Practices it shows
activity-kind-club-name = Club
activity-kind-sport-name = Sport
activity-kind-arts-name = Arts
activity-kind-volunteer-name = Volunteering
activity-kind-job-name = Job
activity-kind-job_shadow-name = Job shadow
activity-kind-internship-name = Internship
activity-kind-apprenticeship-name = Apprenticeship
activity-kind-other-name = Other
plan-practices = Career Ready Practices
plan-practices-progress = Evidence for { $count } of the { $total } practices.
plan-practice = Practice
plan-practice-evidence = Evidence
plan-practice-no-evidence = None yet
plan-reflections = Reflections
plan-reflections-none = No reflections yet.
plan-reflection-of = Reflection of { $date }
plan-new-reflection = Write a reflection
plan-reflection-prompt = Prompt
plan-reflection-body = Your reflection
plan-reflection-practices = Career Ready Practices it shows (optional)
plan-add-reflection = Save the reflection
reflection-prompt-enjoy-text = What did you enjoy doing lately, in school or out? What does it say about work you might like?
reflection-prompt-helped-text = Think of a time you helped someone. What did you do, and how did it feel?
reflection-prompt-explored-text = Which career did you explore? What surprised you about it?
reflection-prompt-course-text = Which course this year connects most to a career you are considering, and how?
reflection-prompt-teamwork-text = What did an activity outside class teach you about working with others?
reflection-prompt-challenge-text = Describe a challenge you faced. What would you do differently next time?
reflection-prompt-work-based-text = What did your work-based learning show you about the workplace and about yourself?
reflection-prompt-after-school-text = How does your plan for after high school connect to your career interests? What could change it?
reflection-prompt-practice-text = Which Career Ready Practice have you grown in most? Give an example.
reflection-prompt-free-text = Anything else on your mind about your future
plan-postsecondary = After high school
plan-edit-postsecondary = Change the plan for after high school
plan-postsecondary-path = Path
plan-postsecondary-details = Why this path, and what it takes
plan-postsecondary-hint = For example the programs, schools, employers or branches you are looking at. Add the next steps toward it under Next steps.
postsecondary-path-undecided-name = Not decided yet
postsecondary-path-workforce-name = Straight to work
postsecondary-path-military-name = Military service
postsecondary-path-certificate-name = Certificate or apprenticeship program
postsecondary-path-two_year-name = Two-year college
postsecondary-path-four_year-name = Four-year college or university
plan-change-activity_added = added the activity "{ $what }"
plan-change-activity_changed = changed the activity "{ $what }"
plan-change-activity_removed = removed the activity "{ $what }"
plan-change-reflection_added = wrote a reflection: { $what }
plan-change-postsecondary_changed = set the plan after high school to { $what }
plan-portable = Take the plan along
plan-export-json = Download the whole plan (JSON, open format)
plan-import-file = Plan file from another school
plan-import-hint = A plan exported from Pathways (.json). What it holds is added to this plan; nothing here is removed.
plan-import-button = Add the plan file
plan-import-title = Plan file added
plan-import-imported = Added to the plan
plan-import-not-mapped = Left out or adapted
plan-import-all-mapped = Everything in the file mapped to this district's plan.
plan-import-back = Back to the plan
plan-import-interests = { $count ->
    [one] { $count } career interest
   *[other] { $count } career interests
}
plan-import-goals = { $count ->
    [one] { $count } goal
   *[other] { $count } goals
}
plan-import-activities = { $count ->
    [one] { $count } activity
   *[other] { $count } activities
}
plan-import-reflections = { $count ->
    [one] { $count } reflection
   *[other] { $count } reflections
}
plan-import-postsecondary = { $count ->
    [one] The plan for after high school
   *[other] No plan for after high school (none in the file)
}
plan-import-interest-unknown = { $item }: "{ $what }" is not in this catalog, so it was left out.
plan-import-tag-dropped = { $item }: the tag "{ $what }" is not a cluster or practice here, so it was left out.
plan-import-prompt-unknown = { $item }: the prompt "{ $what }" is not offered here; the reflection was kept as a free reflection.
plan-import-postsecondary-kept = The plan already had a plan for after high school; it was kept and the file's was left out.
plan-import-signoffs-left = { $count ->
    [one] { $count } sign-off from the other school stays in its records; sign-offs here start fresh.
   *[other] { $count } sign-offs from the other school stay in its records; sign-offs here start fresh.
}
plan-export-pdf = Print the plan (PDF)
plan-pdf-as-of = As of { $date }
plan-signoffs-none-ever = Not signed off yet.
plan-diff-none = none
caseload-export = Download this list (CSV)
plan-resume = Resume built from the plan
resume-title = Resume of { $name }
resume-print-hint = Print this page, or save it as a PDF, from your browser's Print menu.
resume-interests = Career interests
resume-experience = Work experience
resume-activities = Activities and service
resume-skills = Career Ready Practices shown
resume-goals = Goals met
resume-none-yet = None yet.

plan-courses = Course plan
plan-courses-rule = Courses from grade 9 earn credit toward the { $total } credits needed to graduate. On track means earning about a quarter of them each high school year, with a plan that reaches every requirement.
plan-courses-warnings = Credit check
plan-courses-on-track = On track to graduate
plan-credits-caption = Credits toward graduation
plan-credits-area = Subject area
plan-credits-required = Required
plan-credits-earned = Earned
plan-credits-planned = On the plan
plan-credits-missing = Still to plan
area-english-name = English
area-math-name = Mathematics
area-science-name = Science
area-social_studies-name = Social studies
area-arts-name = Arts
area-world_language-name = World languages
area-health_pe-name = Health and physical education
area-cte-name = Career and technical education
area-elective-name = Electives
area-total-name = All credits
plan-courses-grade-credits = { $count ->
    [one] { $credits } credit
   *[other] { $credits } credits
}
plan-courses-none = No courses in this grade yet.
plan-course = Course
plan-course-credits = Credits
plan-course-credits-n = { $credits } cr.
plan-course-status = Status
plan-course-grade = Grade
plan-course-connections = Career connections
plan-course-change = Change
plan-course-change-named = Change { $course }
plan-course-in-interests = In your interests
course-status-planned-name = Planned
course-status-in_progress-name = In progress
course-status-completed-name = Completed
course-status-not_passed-name = Not passed
plan-new-course = Add a course
plan-course-choose = Choose a course
plan-add-course = Add the course
plan-courses-behind = { $earned } credits earned; { $expected } are expected by the start of grade { $grade }.
plan-courses-short = { $area }: { $planned } of { $required } credits on the plan — plan { $missing } more.

plan-checklist = Plan checklist
plan-checklist-intro = What the district asks each grade's plan to hold. You choose how to meet each item.
plan-checklist-grade = Grade { $grade }
plan-checklist-met = { $met }
plan-checklist-of = of { $total } done
plan-checklist-done = Done
plan-checklist-progress = { $have }
plan-checklist-none = The district's plan template asks nothing of this grade.
plan-checklist-all-grades = Every grade
plan-checklist-by-grade = The checklist grade by grade
plan-checklist-grade-col = Grade
plan-checklist-year = School year
plan-checklist-complete = Done
plan-checklist-open = Still open
element-interests = { $count ->
    [one] Choose a career interest
   *[other] Choose { $count } career interests
}
element-goals = { $count ->
    [one] Set a goal with a benchmark
   *[other] Set { $count } goals with benchmarks
}
element-activities = { $count ->
    [one] Record an activity
   *[other] Record { $count } activities
}
element-reflections = { $count ->
    [one] Write a reflection
   *[other] Write { $count } reflections
}
element-courses = { $count ->
    [one] Plan a course for this grade or later
   *[other] Plan { $count } courses for this grade or later
}
element-graduation = Plan courses that meet every graduation requirement
element-postsecondary = Choose a path after high school
element-meeting = { $count ->
    [one] Meet with a counselor this school year
   *[other] Meet with a counselor { $count } times this school year
}
element-signoff = Sign off this school year: { $signers }
element-options = { $element } — any of: { $options }
element-kind-interests-name = Career interests
element-kind-goals-name = Goals
element-kind-activities-name = Activities
element-kind-reflections-name = Reflections
element-kind-courses-name = Courses planned
element-kind-graduation-name = Course plan meets graduation requirements
element-kind-postsecondary-name = Path after high school
element-kind-signoff-name = Sign-offs
element-kind-meeting-name = Counselor meetings

requirements-title = Plan requirements
requirements-intro = What the district requires of every student's plan: the credits to graduate and what each grade's plan holds. Students choose how to meet each item.
requirements-completeness = Completeness by grade
requirements-completeness-caption = How complete students' plans are for their current grade
requirements-no-students = No students yet.
requirements-students = Students
requirements-complete = Plans complete
requirements-mean = Average completeness
requirements-template = Plan template
requirements-template-now = The template started from: { $preset }.
requirements-template-intro = Start from a state's preset, then add or remove items. Changing the template changes every plan's checklist at once.
requirements-preset = Preset
requirements-preset-hint = Starting over replaces every item below.
requirements-preset-use = Start over from this preset
preset-standard-name = Pathways standard plan
preset-wa-hsbp-name = Washington High School and Beyond Plan
preset-co-icap-name = Colorado Individual Career and Academic Plan (ICAP)
preset-ks-ips-name = Kansas Individual Plan of Study (IPS)
requirements-elements = Required items by grade
requirements-element = Item
requirements-remove-named = Remove “{ $element }”
requirements-new-element = Add an item
requirements-element-kind = What the plan must hold
requirements-element-count = How many
requirements-element-options = Options for { $kind } (none checked: any)
requirements-add-element = Add the item
requirements-credits = Graduation credits
requirements-credits-intro = Credits each subject area needs, and all credits together (like 4 or 1.5). Courses fall in an area by their subject.
requirements-credits-save = Save the credits
caseload-need-off-track-name = Off track in credits
caseload-need-plan-incomplete-name = Plan incomplete for their grade
caseload-rule-off-track = Behind the credits to graduate on time, or a senior whose plan misses a requirement: 3 points
caseload-rule-plan-incomplete = Plan checklist for their grade not complete: 1 point
caseload-completeness = Plan
plan-change-course_added = added the course "{ $what }"
plan-change-course_changed = changed the course "{ $what }"
plan-change-course_removed = removed the course "{ $what }"
plan-import-courses = { $count ->
    [one] 1 course
   *[other] { $count } courses
}
plan-import-course-unknown = { $item }: "{ $what }" is not in this district's course catalog, so it was left out; add the course that matches it here.
requirements-template-changed = The template started from: { $preset }, and the district changed it since.
requirements-grade-free = Nothing required in this grade
tokens-scope-reports-read-help = read the district's reports (equity of access as suppressed counts, never a student's record)

## A student's whole record: the family's rights to see and erase it
audit-action-anonymize-name = Anonymized a student record
records-link = Whole record: download or anonymize
records-title = Everything held about { $name }
records-intro = Every part of this student's record that Pathways holds, for a family's request to see it or to have it erased. Each download and each anonymization is written to the audit log.
records-held = What is held, part by part
records-part = Part of the record
records-rows = Entries
records-none = Nothing held.
records-download = Download the record
records-download-text = The JSON file holds every entry as stored; the PDF is the same record laid out to hand to the family.
records-download-json = Download as JSON
records-download-pdf = Download as PDF
records-pdf-made = Made { $at }
records-pdf-intro = This document lists everything Pathways holds about this student, part by part. Internal identifiers are left out; the JSON download holds them.
records-anonymize = Anonymize this record
records-anonymize-text = This deletes the plan, notes, reflections, interests, applications, hours, evaluations, demographics and class memberships, and removes the name, email, roster id and password from the account. It cannot be undone. The audit log keeps its entries, which then name no one.
records-reason = Reason or request reference (optional)
records-confirm = To confirm, type the student's name: { $name }
records-confirm-mismatch = Nothing was changed: type the student's name exactly as shown ({ $name }) to confirm.
records-anonymize-button = Anonymize the record
records-anonymized-on = This record was anonymized { $at }.
records-part-users = Account and school
records-part-student_attributes = Demographics and program flags
records-part-guardianships = Guardians
records-part-caseloads = Counselors
records-part-enrollments = Classes
records-part-plan_interests = Plan: career interests
records-part-plan_goals = Plan: goals
records-part-plan_activities = Plan: activities
records-part-plan_courses = Plan: courses
records-part-plan_postsecondary = Plan: after high school
records-part-plan_reflections = Plan: reflections
records-part-plan_notes = Plan: notes and comments
records-part-plan_steps = Plan: next steps
records-part-plan_signoffs = Plan: sign-offs
records-part-plan_tags = Plan: tags
records-part-plan_changes = Plan: history of changes
records-part-profiler_results = Interest Profiler results
records-part-exposures = Career exposures
records-part-applications = Work-based learning: applications
records-part-application_events = Work-based learning: application history
records-part-application_checks = Work-based learning: approval checklist
records-part-consents = Work-based learning: guardian consent
records-part-hour_entries = Work-based learning: hours
records-part-hour_entry_changes = Work-based learning: history of hours
records-part-evaluations = Work-based learning: evaluations
records-part-evaluation_ratings = Work-based learning: evaluation ratings
records-part-audit_log = Audit log: who viewed, changed or exported the record
retention-title = Keeping student records
retention-intro = How long the district keeps the records of students who left its roster (graduated, moved, withdrawn). After the period, their records are anonymized: by the daily `pathways retention apply`, or here.
retention-period = Period
retention-none = None set: records are kept until an administrator anonymizes them
retention-months = { $count ->
    [one] { $shown } month after a student leaves
   *[other] { $shown } months after a student leaves
}
retention-left = Students who left, not anonymized
retention-due = Of them, past the period
retention-set = Set the period
retention-months-label = Months to keep a record after the student leaves
retention-months-hint = A whole number from 1 to 240; leave blank to keep records until an administrator anonymizes them.
retention-months-invalid = The period must be a whole number of months from 1 to { $max }, or blank.
retention-save = Save the period
retention-apply = Anonymize now
retention-apply-text = The records of the students past the period are anonymized, each with an entry in the audit log. This cannot be undone.
retention-apply-button = { $count ->
    [one] Anonymize { $shown } record
   *[other] Anonymize { $shown } records
}
retention-done = { $count ->
    [one] { $shown } record anonymized.
   *[other] { $shown } records anonymized.
}
records-withheld = { $count ->
    [one] One private counselor note is not shown or exported: private meeting notes are read only by the student's counselors, who can be asked for them. Anonymizing deletes it.
   *[other] { $count } private counselor notes are not shown or exported: private meeting notes are read only by the student's counselors, who can be asked for them. Anonymizing deletes them.
}
