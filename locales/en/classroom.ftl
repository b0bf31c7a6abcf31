home-library = Lessons that open careers
home-library-text = Find lessons and practices colleagues shared, get career connections for the unit you teach next, and record which classes a lesson reached.

library-title = Lesson library
library-lead = Lessons and units connected to careers, and practices counselors and administrators share. Adapt any of them to your classes.
library-suggest-link = Suggest careers for a unit
library-new-lesson = Share a lesson
library-new-practice = Share a practice
library-search = Search the library
library-text = Words
library-grade = Grade
library-cluster = Career cluster
library-kind = Lessons or practices
library-any = Any
library-search-button = Search
library-featured = Featured by the district
library-results = { $count ->
    [one] { $shown } match
   *[other] { $shown } matches
}
library-all = { $count ->
    [one] { $shown } lesson or practice you can see
   *[other] { $shown } lessons and practices you can see
}
library-none = Nothing matches. Try fewer words or another grade.
library-pages = Pages of the library

lesson-subject = Subject
lesson-grades = Grades { $band }
lesson-grade-band = Grades
lesson-kind = Kind
lesson-kind-lesson-name = Lesson
lesson-kind-practice-name = Practice
lesson-featured = Featured
lesson-adapted = Adapted
lesson-activity-type = Activity
lesson-activity-project-name = Project
lesson-activity-interdisciplinary_project-name = Interdisciplinary project
lesson-activity-guest_speaker-name = Guest speaker
lesson-activity-field_trip-name = Field trip
lesson-activity-simulation-name = Simulation
lesson-activity-discussion-name = Discussion
lesson-visibility = Who can see it
lesson-visibility-private-name = Private
lesson-visibility-school-name = Your school
lesson-visibility-district-name = The district
lesson-visibility-everyone-name = Every district
lesson-visibility-private-choice = Only me and the co-authors
lesson-visibility-school-choice = Staff of my school
lesson-visibility-district-choice = Staff of my district
lesson-visibility-everyone-choice = Staff of every district on this Pathways
lesson-uses = { $count ->
    [0] Not used yet
    [one] Used by { $shown } person
   *[other] Used by { $shown } people
}
lesson-authors = By
lesson-updated = Last changed
lesson-used-by = Used
lesson-adapted-from = Adapted from
lesson-deleted = deleted
lesson-by = by { $name }
lesson-careers = Career connections
lesson-no-careers = No career connections yet.
lesson-clusters = Clusters
lesson-subclusters = Sub-clusters
lesson-occupations = Occupations
lesson-practices = Career Ready Practices
lesson-body = The lesson
lesson-body-practice = The practice
lesson-standards = Standards
lesson-links = Links
lesson-actions = Use it
lesson-edit = Edit
lesson-fork = Adapt a copy
lesson-fork-hint = Adapting makes a private copy you can change and share; it credits the original and its authors.
lesson-mark-used = I used this
lesson-you-used = You used this
lesson-feature = Feature for the district
lesson-unfeature = Stop featuring
lesson-teach = Record teaching it
lesson-teach-hint = Every student enrolled in the class gets this lesson's careers on their plan.
lesson-teach-class = Class
lesson-teach-period = period { $period }
lesson-teach-students = { $count ->
    [one] { $shown } student
   *[other] { $shown } students
}
lesson-teach-date = Taught on
lesson-teach-button = Record
lesson-teach-teacher = Teacher
lesson-teach-reached = Students reached
lesson-taught = Taught in this district
lesson-taught-notice = { $count ->
    [one] Recorded. { $count } student now sees this lesson's careers on their plan.
   *[other] Recorded. { $count } students now see this lesson's careers on their plans.
}
lesson-forked-notice = Your copy is ready to adapt.
lesson-saved-notice = Saved.
lesson-comments = { $count ->
    [0] Comments
    [one] { $shown } comment
   *[other] { $shown } comments
}
lesson-comment = Your comment
lesson-comment-button = Comment
lesson-delete-heading = Delete
lesson-delete-hint = Deleting takes it out of the library. Adapted copies keep their credit, and students keep the careers it showed them.
lesson-delete = Delete this lesson

lesson-new-title = Share a lesson or practice
lesson-edit-title = Edit the lesson
lesson-conflict = Someone saved this lesson after you opened it. What you typed is below; reload the lesson in another tab to see their version, then save again.
lesson-errors = Some fields need a change:
lesson-title = Title
lesson-grade-low = From grade
lesson-grade-high = To grade
lesson-summary = One-sentence summary
lesson-body-field = The lesson (Markdown)
lesson-body-hint = Markdown: ## for headings, 1. for steps, **bold**, [text](https://…) for links. Up to 50,000 characters; HTML is removed.
lesson-tags-hint = Tag the careers the lesson really opens. Choosing a sub-cluster tags its cluster too.
lesson-tags-suggest = Get suggestions for this subject and title
lesson-whole-cluster = The whole cluster
lesson-occupations-hint = O*NET-SOC codes, separated by commas, for example 23-1011.00 for lawyers.
lesson-sharing = Sharing
lesson-coauthors = Co-authors
lesson-coauthors-hint = Emails of colleagues in the district who wrote it with you, separated by commas; they can edit it too.
lesson-case-items = CASE standard links
lesson-case-hint = Web addresses of CASE items of the standards it addresses, one per line.
lesson-links-hint = Web addresses of resources, one per line.
lesson-save = Save

suggest-title = Careers for a unit
suggest-lead = Say what you teach and the topic of the unit: Pathways suggests the careers it opens, with the reason, and lessons colleagues shared.
suggest-subject-hint = For example: English 10, Algebra I, Biología.
suggest-topic = Topic
suggest-topic-hint = For example: Hamlet, exponential growth, células.
suggest-button = Suggest
suggest-nothing = Nothing in the subject or topic points to careers yet. Try naming what students do in the unit.
suggest-subclusters = Sub-clusters it opens
suggest-clusters = Clusters
suggest-occupations = Occupations to mention
suggest-no-occupations = No occupation stands out.
suggest-start-lesson = Start a lesson with these connections
suggest-lessons = Lessons in the library
suggest-no-lessons = No lesson you can see is tagged with these careers yet. Be the first to share one.
suggest-reason-kb = “{ $words }”: { $reason }
suggest-reason-includes = Through { $names }

plan-exposures = Careers met in class
plan-exposures-none = No lesson has connected a class to careers yet.
plan-exposure-self = You explored { $careers } in { $course }
plan-exposure-other = Explored { $careers } in { $course }

error-field-lesson-title = Give the lesson a title.
error-field-lesson-title-long = The title is too long: keep it to 200 characters.
error-field-lesson-subject = Say which subject it is for.
error-field-lesson-subject-long = The subject is too long: keep it to 100 characters.
error-field-lesson-summary = Write a one-sentence summary.
error-field-lesson-summary-long = The summary is too long: keep it to 500 characters.
error-field-lesson-body = Write the lesson.
error-field-lesson-body-long = The lesson is too long: keep it under 50,000 characters, or link to longer materials.
error-field-lesson-standards = Write the standards.
error-field-lesson-standards-long = The standards are too long: keep them to 2,000 characters.
error-field-lesson-kind = Choose lesson or practice.
error-field-lesson-activity-type = Choose the kind of activity.
error-field-lesson-visibility = Choose who can see it.
error-field-lesson-grades = Choose grades from 6 to 12, the first no higher than the last.
error-field-lesson-links = Write each link as a web address starting with https://, one per line.
error-field-lesson-links-many = Keep it to 10 links.
error-field-lesson-tags-many = Keep it to 40 tags: the careers the lesson really opens.
error-field-lesson-tag = Choose tags from the lists.
error-field-lesson-occupation = Write occupations as O*NET-SOC codes of the catalog, like 23-1011.00.
error-field-lesson-coauthors = Write co-authors as the emails they sign in with; they must be staff of this district.
error-field-lesson-version = Reload the lesson and make the change again.
error-field-lesson-comment = Write a comment of up to 2,000 characters.
error-field-teach-class = Choose one of the classes you teach.
error-field-taught-on = Give the date you taught it: today or earlier, within the last two years.

class-interests = Career interests in this class
class-interests-hint = Clusters students chose on their plans, directly or through a sub-cluster. Use them to pick lessons and speakers.
class-interests-none = No student of this class has chosen a career interest yet.
class-interests-lessons = Lessons
class-interests-find = Lessons on { $cluster }
class-interests-undecided = { $count ->
    [0] Every student has chosen at least one interest.
    [one] { $shown } student has not chosen an interest yet.
   *[other] { $shown } students have not chosen an interest yet.
}
class-student-interests = Career interests

speakers-title = Guest speakers
speakers-none = No speaker has been requested for this class.
speakers-new = Ask for a guest speaker
speakers-subcluster = From which careers
speakers-from = Any day from
speakers-to = Until
speakers-note = Note for the partner
speakers-note-hint = What the class is studying, how long the visit can be, what students want to ask.
speakers-send = Send the request
speakers-cancel = Cancel the request
speaker-status-open-name = Waiting for a partner
speaker-status-matched-name = Partner found
speaker-status-cancelled-name = Cancelled
error-field-speaker-subcluster = Choose the sub-cluster the speaker should come from.
error-field-speaker-window = Choose dates from today on, the last no earlier than the first, within a year.
error-field-speaker-note = Keep the note to 1,000 characters.
speakers-partner = Partner
speakers-match = Send to this partner
speakers-no-match = No partner of the district has speaker visits left in this field this year. The district's coordinators can record a partner's commitments on its page.
speakers-match-subcluster = this field
speakers-match-cluster = same career cluster
speakers-visits-left = { $count ->
    [one] 1 visit left
   *[other] { $shown } visits left
}
error-field-speaker-partner = Choose one of the partners offered: the others have no speaker visits left in this field this year.

plcs-title = Learning communities
plcs-lead = Professional learning communities: colleagues who share lessons, talk them over, keep notes of their meetings and plan projects across subjects.
plcs-none = You are not in a learning community yet. Start one and add colleagues.
plcs-start = Start a learning community
plcs-start-button = Start it
plc-name = Name
plc-focus = Focus
plc-focus-hint = What the group works on, for example: career connections in grade 9 English and history.
plc-members-count = { $count ->
    [one] { $shown } member
   *[other] { $shown } members
}
plc-role-lead-name = Lead
plc-role-member-name = Member
plc-members = Members
plc-add-member = Add a colleague by email
plc-add-member-button = Add
plc-lessons = Shared lessons
plc-lessons-none = No lesson has been shared with the group yet.
plc-shared-by = shared by { $name }
plc-share-lesson = Share one of your lessons
plc-share-button = Share
plc-discussions = Discussions
plc-discussions-none = No discussion yet.
plc-new-thread = Start a discussion
plc-post-title = Title
plc-post-body = Message
plc-post-button = Post
plc-reply = Reply
plc-reply-button = Reply
plc-meetings = Meeting notes
plc-meetings-none = No meeting notes yet.
plc-new-meeting = Add meeting notes
plc-met-on = Day of the meeting
plc-meeting-body = Notes and decisions
plc-meeting-button = Save the notes
plc-board = Interdisciplinary project board
plc-board-hint = Projects that span subjects, from idea to done.
plc-board-empty = Nothing here.
plc-card-idea-name = Idea
plc-card-planning-name = Planning
plc-card-teaching-name = Teaching
plc-card-done-name = Done
plc-move = Move “{ $title }” to
plc-move-button = Move
plc-new-card = Add a project
plc-card-title = Project
plc-card-subjects = Subjects it spans
plc-card-button = Add it
error-field-plc-name = Name the group in up to 120 characters.
error-field-plc-focus = Keep the focus to 500 characters.
error-field-plc-member = Write the email a staff member of this district signs in with.
error-field-plc-lesson = Choose a lesson of the library you can see.
error-field-plc-title = Write a title of up to 200 characters.
error-field-plc-body = Write a message of up to 5,000 characters.
error-field-plc-met-on = Give the day you met: today or before.
error-field-plc-subjects = Keep the subjects to 200 characters.
error-field-plc-status = Choose idea, planning, teaching or done.
