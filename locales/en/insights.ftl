insights-title = Insights
insights-lead = How the district's students reach careers: equity of access across student groups, with every table as CSV. Groups too small to show safely are never shown.
insights-equity-text = Exposure, interests, plans, CTE courses and work-based learning by sex, race and ethnicity, program flags, grade and school.
insights-school = School
insights-all-schools = All schools
insights-grade = Grade
insights-all-grades = All grades
suppression-title = Small groups
suppression-explained = { $count ->
    [one] A count below { $shown } student is never shown, and other counts are hidden with it so it cannot be worked out from the totals. The same rule applies to CSV files and the API.
   *[other] A count below { $shown } students is never shown, and other counts are hidden with it so it cannot be worked out from the totals. The same rule applies to CSV files and the API.
}
suppression-threshold = Smallest count shown
suppression-minimum = { $count ->
    [one] The threshold cannot be set below { $shown } student.
   *[other] The threshold cannot be set below { $shown } students.
}
suppression-saved = The threshold is saved.
error-field-threshold = Give a whole number of students from 5 to 1000.
error-field-school = Choose one of the listed schools.
error-field-grade = Give a grade from 6 to 12, or leave it empty.
error-field-dimension = Choose one of the listed student groups.
equity-title = Equity of access
equity-lead = How far each group of students gets, from meeting careers in class to completing work-based learning, beside all students: the rate, the gap in percentage points, and the disparity ratio (the group's rate over all students' rate).
equity-by = Break down by
equity-suppressed-note = { $count ->
    [one] * not shown: fewer than { $shown } student, or hidden so a small group cannot be worked out from the totals.
   *[other] * not shown: fewer than { $shown } students, or hidden so a small group cannot be worked out from the totals.
}
equity-funnel = All students, { $year }
equity-funnel-caption = Students reaching each stage
equity-stage = Stage
equity-students = Students
equity-rate = Rate
equity-enrolled = Enrolled
equity-funnel-chart = Funnel of all students
equity-funnel-chart-caption = Students at each stage, with the share of all enrolled students; the table beside it has the same figures.
equity-by-heading = By { $dimension }
equity-download = Download every group table (CSV)
equity-group = Group
equity-rates-caption = Share of each group reaching each stage (students)
equity-heat-chart = Rates by group and stage
equity-heat-chart-caption = Darker cells are higher rates (percent); hatched cells marked * are not shown.
equity-gaps-caption = Gap to all students (percentage points) · disparity ratio
equity-gaps-hint = ▼ marks a disparity ratio below 0.8: the group reaches the stage at less than four fifths of the rate of all students.
equity-flagged = below four fifths of all students' rate
equity-definitions = What each stage counts
group-all = All students
group-unknown = Not reported
group-yes = Yes
group-no = No
group-grade = Grade { $grade }
group-sex-female = Female
group-sex-male = Male
group-sex-other = Another sex
group-ethnicity-american_indian = American Indian or Alaska Native
group-ethnicity-asian = Asian
group-ethnicity-black = Black or African American
group-ethnicity-hispanic_latino = Hispanic or Latino
group-ethnicity-pacific_islander = Native Hawaiian or Pacific Islander
group-ethnicity-white = White
group-ethnicity-two_or_more = Two or more races
dimension-sex = sex
dimension-ethnicity = race and ethnicity
dimension-economically_disadvantaged = economically disadvantaged
dimension-english_learner = English learner
dimension-iep_504 = IEP or 504 plan
dimension-grade = grade
dimension-school = school
stage-exposure = Exposure
stage-interest = Interest chosen
stage-plan_complete = Plan complete
stage-cte_course = CTE course
stage-wbl_applied = Applied to WBL
stage-wbl_completed = Completed WBL
stage-exposure-short = Exposure
stage-interest-short = Interest
stage-plan_complete-short = Plan
stage-cte_course-short = CTE
stage-wbl_applied-short = Applied
stage-wbl_completed-short = Completed
stage-exposure-definition = Met careers in a lesson taught to their class during the school year.
stage-interest-definition = Has a cluster, sub-cluster or occupation among the interests of their plan.
stage-plan_complete-definition = The plan was signed off for the school year by the student, a guardian and a counselor.
stage-cte_course-definition = Took or is taking a career and technical course: one the district aligned to a CIP program.
stage-wbl_applied-definition = Applied to a work-based learning opportunity that starts during the school year.
stage-wbl_completed-definition = Completed a work-based learning opportunity that started during the school year.
home-insights-text = Curriculum alignment, gaps against labor demand, equity of access across student groups and professional development, with small groups never shown.
insights-alignment-text = What each school offers in every cluster and sub-cluster — courses, programs of study, lessons, partners, opportunities — beside the students who chose it; courses' CIP programs.
alignment-title = Curriculum alignment
alignment-lead = What the district offers in each cluster and sub-cluster of the framework, and how many students chose it. Courses count once they are aligned to a sub-cluster; partners and opportunities are the district's.
alignment-level = Rows
alignment-level-cluster = Clusters
alignment-level-subcluster = Clusters and sub-clusters
alignment-measure = Map of schools
alignment-measure-courses = Courses
alignment-measure-lessons = Lessons
alignment-measure-interested = Students interested
alignment-coverage = Coverage
alignment-coverage-caption = What the district offers in each cluster
alignment-coverage-caption-school = What the school offers in each cluster (partners and opportunities: the district's)
alignment-coverage-hint = A course aligned to two sub-clusters of one cluster counts once for the cluster. Students interested chose the cluster, a sub-cluster or an occupation in it.
alignment-download = Download the coverage matrix (CSV)
alignment-cluster = Cluster
alignment-programs = Programs of study
alignment-partners = Partners
alignment-opportunities = Open opportunities
alignment-seats = { $count ->
    [one] { $shown } seat
   *[other] { $shown } seats
}
alignment-by-school = { $measure } by school
alignment-by-school-caption = Each cluster at each school
alignment-heat-chart = Clusters by school
alignment-heat-caption = Darker cells are higher counts; the table beside it has the same figures.
alignment-district-wide = Every school
alignment-courses = Courses and their programs
alignment-unaligned = { $count ->
    [one] { $shown } course has no CIP program yet.
   *[other] { $shown } courses have no CIP program yet.
}
alignment-courses-caption = The district's courses, aligned ones first
alignment-course = Course
alignment-cip = CIP 2020 program
alignment-no-cip = none
alignment-subclusters = Sub-clusters
alignment-align = Align
alignment-programs-title = Programs of study
alignment-programs-none = The district has no programs of study yet.
alignment-program-new = Add a program of study
alignment-program-name = Program title
alignment-program-subcluster = Sub-cluster it leads to
alignment-program-cip = CIP 2020 code (optional)
alignment-program-cip-hint = As 11.0701; the program is reported under it.
alignment-program-courses = Courses, in the order students take them
alignment-program-course = Course { $n }
alignment-program-add = Add the program
course-alignment-title = Align a course
course-alignment-lead = Choose the CIP 2020 program the course belongs to, then confirm the sub-clusters it prepares for. Suggestions come from the course's title and the CIP crosswalk; nothing counts until you confirm it.
course-alignment-no-suggestions = No program's title shares a word with the course's; give the code below.
course-alignment-other = Another CIP code
course-alignment-other-code = CIP 2020 code
course-alignment-none = Not a career and technical course (no CIP program)
course-alignment-no-subclusters = Choose a CIP program first to see the sub-clusters the crosswalk links to it, or add one below.
course-alignment-suggested = suggested by the CIP crosswalk
course-alignment-add = Add another sub-cluster
course-alignment-confirm = Confirm the alignment
course-alignment-hint = Courses with a CIP program are career and technical courses in the equity report and the Perkins counts.
error-field-measure = Choose courses, lessons or students interested.
error-field-cip = That is not a CIP 2020 program; write the code as 11.0701.
error-field-subcluster = Choose a sub-cluster of the framework.
error-field-program-title = Give the program a title of up to 120 characters.
error-field-program-taken = The district already has a program with this title.
error-field-program-course = Choose one or more of the district's courses.
equity-as-of = Figures as of { $time }; they are counted again after a minute.
insights-gaps-text = Sub-clusters whose occupations are in demand but which your programs barely cover, and clusters where more students are interested than there are seats.
gaps-title = Gaps against labor demand
gaps-lead = Which sub-clusters the labor market needs most, and how much of them the district's courses and programs of study cover; and where student interest outruns what the district offers.
gaps-source-national = Demand: national BLS employment projections 2024–34 (annual openings, median wage, growth).
gaps-source-regional = Demand: { $region }, imported { $date } from { $file } ({ $occupations } occupations).
gaps-change-source = Use regional figures
gaps-demand = Demand and program coverage
gaps-count = { $count ->
    [0] No sub-cluster in high demand lacks programs.
    [one] One sub-cluster in high demand has no program of study and fewer than two aligned courses.
   *[other] { $count } sub-clusters in high demand have no program of study and fewer than two aligned courses.
}
gaps-download = Download the gap analysis (CSV)
gaps-share-chart = Share of openings and of aligned courses
gaps-share-caption = The sub-clusters with the most openings: their share of all openings beside their share of the district's aligned courses. The table below has every sub-cluster.
gaps-share-desc = { $name }: { $openings } of openings, { $courses } of aligned courses
gaps-share-openings = Share of openings
gaps-share-courses = Share of aligned courses
gaps-demand-caption = Sub-clusters, most openings first
gaps-subcluster = Sub-cluster
gaps-openings = Openings per year
gaps-share = Share of openings
gaps-wage = Median wage
gaps-growth = Growth 2024–34
gaps-coverage = Coverage
gaps-coverage-none = none
gaps-coverage-thin = thin
gaps-coverage-covered = covered
gaps-occupations = Largest occupations (openings)
gaps-gap = Gap
gaps-demand-hint = High demand: the third of sub-clusters with the most openings. Covered: a program of study, or at least two aligned courses. Wages and growth are averages of the sub-cluster's occupations weighted by their openings; an occupation in several sub-clusters counts in each.
gaps-interest = Student interest and what the district offers
gaps-interest-sentence = { $students ->
    [one] 1 student interested
   *[other] { $students } students interested
} in { $cluster }, { $courses ->
    [one] 1 course
   *[other] { $courses } courses
}, { $partners ->
    [one] 1 partner
   *[other] { $partners } partners
}, { $seats ->
    [one] 1 seat
   *[other] { $seats } seats
} in open opportunities
gaps-short = More students than seats
gaps-interest-caption = Clusters, most interested students first
gaps-interested = Students interested
gaps-seats = Seats
gaps-interest-chart = Students interested and seats by cluster
gaps-interest-chart-caption = Students who chose each cluster beside the seats of its open work-based learning opportunities.
labor-title = Regional labor demand
labor-lead = The gap analysis uses the national BLS projections until you import your region's figures: a CSV file with one row per occupation, as state labor-market offices publish them. The file replaces the previous one as a whole; if anything is wrong, nothing changes.
labor-now = Now:
labor-use-national = Go back to the national projections
labor-file = Regional demand (.csv)
labor-file-hint = One row per 2018 SOC occupation with its annual openings; median wage and growth are optional.
labor-region = Region
labor-region-hint = How reports name the figures, for example "Riverbend County, 2024–2034 projections". Left empty, the file's name.
labor-dry-run = Only check the file; write nothing
labor-submit = Upload and import
labor-choose-file = Choose the CSV file of your regional figures first.
labor-status-imported = Imported. The gap analysis now uses these figures.
labor-status-valid = The file is valid and would be imported. Nothing was written, because you chose to only check it.
labor-status-rejected = Rejected: nothing was written. Fix the problems below and upload the file again.
labor-format = The file
labor-format-text = A CSV file with a header row, in UTF-8 or as spreadsheets save it (Windows-1252). Columns can come in any order and spelling below; other columns are ignored. Group totals (such as 29-0000) are left out so occupations are not counted twice; cells marked suppressed ("*", "N/A") are read as unknown.
labor-format-caption = Columns of a regional demand file
labor-format-also = Also read as
labor-format-meaning = What it holds
labor-format-soc = Required. The 2018 SOC code: 29-1141, 291141 or 29-1141.00. One row per occupation.
labor-format-openings = Required. Openings per year; "1,250" is fine. A header that says thousands is read as thousands.
labor-format-wage = Median annual wage: "$52,000" is fine; an hourly wage is turned into an annual one (2,080 hours).
labor-format-growth = Projected growth in percent over the projection period: "3.1%" or 3.1.
labor-format-title = The occupation's name, when you want yours shown rather than the catalog's.
labor-cli-hint = From the command line:
insights-pd-text = Sessions for staff by cluster focus, attendance, hours per teacher, and the lessons attendees tagged to the framework afterwards.
pd-title = Professional development
pd-lead = Sessions that help staff bring careers into their teaching: who attended, hours per teacher, and the lessons attendees tagged to the framework after the session — the sign it reached a classroom.
pd-sessions = Sessions in { $year }
pd-none = No session was recorded for this school year yet.
pd-download-sessions = Download the sessions (CSV)
pd-sessions-caption = Sessions, latest first
pd-session = Session
pd-date = Date
pd-focus = Cluster focus
pd-no-focus = No cluster focus
pd-whole-district = Whole district
pd-hours = Hours
pd-attendees = Attended
pd-lessons-after = Lessons tagged afterwards
pd-chart = Teacher-hours by cluster focus
pd-chart-caption = Hours of each session times the staff who attended, by the session's cluster focus: school sessions, then district sessions.
pd-school-sessions = School sessions
pd-district-sessions = District sessions
pd-teachers = Hours per teacher
pd-teachers-total = { $hours } hours of professional development in all.
pd-teachers-count = { $count ->
    [one] One staff member attended.
   *[other] { $count } staff members attended.
}
pd-download-teachers = Download hours per teacher (CSV)
pd-teachers-caption = Staff who attended, most hours first
pd-teacher = Teacher
pd-sessions-count = Sessions
pd-teacher-lessons = Lessons tagged since their first session
pd-new = Record a session
pd-session-title = Title
pd-add = Record the session
pd-attendance = Attendance
pd-attendance-legend = Staff who attended
pd-attendance-save = Save attendance
pd-attendance-saved = Attendance saved.
pd-attendance-none = Nobody is recorded as attending yet.
error-field-title = Give a title of up to 200 characters.
error-field-pd-hours = Give the hours as a number above 0 and up to 40.
error-field-pd-teacher = Choose staff from the list.
error-field-table = Choose sessions or teachers.
