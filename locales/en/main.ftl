## Layout
skip-to-content = Skip to main content
nav-label = Main
nav-clusters = Career Clusters
nav-occupations = Occupations
nav-practices = Career Ready Practices
nav-legacy = Old framework
nav-about = About
switch-language = Switch language
breadcrumb = Breadcrumb
footer-attribution = Based on the National Career Clusters® Framework (Advance CTE) and O*NET 29.3 (USDOL/ETA, CC BY 4.0).
footer-about-link = Sources and credits

## Shared words
yes = Yes
no = No
verified = Verified
unverified = Unverified
cross-cutting = Cross-cutting
cross-cutting-explained = Cross-cutting clusters (Digital Technology, Management & Entrepreneurship, Marketing & Sales) matter in every industry.
also-written = Also written as
also-called = also called
english-name = Name in English
none-listed = None listed
not-available = Not available
not-in-onet = no O*NET profile
subcluster-count = { $count ->
    [one] { $shown } sub-cluster
   *[other] { $shown } sub-clusters
}
occupation-count = { $count ->
    [one] { $shown } occupation
   *[other] { $shown } occupations
}
program-count = { $count ->
    [one] { $shown } program
   *[other] { $shown } programs
}
soc-code-count = { $count ->
    [one] Linked to { $shown } SOC occupation code in the official crosswalk.
   *[other] Linked to { $shown } SOC occupation codes in the official crosswalk.
}
pager-summary = Showing { $first }–{ $last } of { $total }
pager-previous = Previous
pager-next = Next

## Search
search-label = Search occupations by title
search-hint = Try a job you have heard of, like “nurse”, “welder” or “game designer”.
search-button = Search

## Home
home-title = Explore career pathways
home-heading = Where could your interests take you?
home-lead = Explore 14 Career Clusters, 72 sub-clusters and more than a thousand occupations: what people do, what they study, and what the work pays.
home-groupings-heading = Six groups of clusters
home-groupings-intro = The National Career Clusters® Framework groups related clusters together. Pick one that sounds like you. Cross-cutting clusters matter in every industry.
home-all-clusters = See all clusters and sub-clusters
home-numbers-heading = In this catalog
home-practices-link = Career Ready Practices
home-legacy-link = Does your school still use the old 16 clusters?
stat-groupings = Cluster groupings
stat-clusters = Career Clusters
stat-subclusters = Sub-clusters
stat-occupations = Occupations
stat-programs = Programs of study (CIP)
stat-soc-links = Occupation links to sub-clusters
stat-tasks = Task statements
stat-titles = Job titles
stat-projections = Employment projections
stat-legacy-pathways = Old-framework pathways

## Clusters
clusters-title = Career Clusters
clusters-lead = The 14 Career Clusters in their six groupings. Each cluster holds sub-clusters of related occupations and programs of study.
clusters-show-subclusters = Sub-clusters of { $cluster }
cluster-grouping = Grouping
cluster-occupations = Occupations
cluster-naics = Industry sectors (NAICS)
cluster-legacy-heading = From the old 16-cluster framework
cluster-legacy-link = How the old clusters map to the new ones

## Sub-clusters
subcluster-cluster = Career Cluster
subcluster-example-programs = Example programs of study
subcluster-sectors = Industry sectors (NAICS)
subcluster-occupations-heading = Occupations
subcluster-no-occupations = The official crosswalk links no occupations to this sub-cluster yet.
subcluster-programs-heading = Programs of study
subcluster-programs-intro = Postsecondary programs (CIP 2020) that prepare for this sub-cluster.
subcluster-no-programs = The official crosswalk links no programs of study to this sub-cluster yet.
subcluster-programs-pages = Pages of programs
unverified-subcluster-heading = This sub-cluster's name is not confirmed.
unverified-subcluster-body = Advance CTE counts 72 sub-clusters, but its official crosswalk lists only 71. This one, the 72nd, is named in other sources and has no occupations or programs linked to it yet.
col-occupation = Occupation
col-job-zone = Job zone
col-riasec = Interest code
col-education = Education to start
col-cip = CIP code
col-program = Program
col-interdisciplinary = In several clusters
riasec-abbr-title = Holland interest code: R Realistic, I Investigative, A Artistic, S Social, E Enterprising, C Conventional

## Occupations
occupations-title = Occupations
occupations-search-title = Occupations matching “{ $query }”
occupations-none = No occupation matches. Try a shorter word, or browse the clusters.
occupations-browse-clusters = Browse the Career Clusters
occupations-pages = Pages of occupations
occupation-results = { $count ->
    [0] No occupations found
    [one] { $shown } occupation found
   *[other] { $shown } occupations found
}
filter-cluster = Career Cluster
filter-zone = Job zone
filter-interest = Strongest interest
filter-any = Any
filter-clear = Clear filters
occupation-code = O*NET-SOC code
occupation-clusters-heading = Where it fits in the Career Clusters
occupation-no-clusters = The official crosswalk does not place this occupation in a sub-cluster.
occupation-tasks-heading = What they do
occupation-no-tasks = O*NET lists no tasks for this occupation.
occupation-all-tasks = { $count ->
    [one] Show the { $shown } task
   *[other] Show all { $shown } tasks
}
occupation-titles-heading = Other names for this job
occupation-interests-heading = Interests
occupation-no-interests = O*NET has not rated the interests of this occupation.
occupation-interest-code = Interest code:
occupation-preparation-heading = Preparation
occupation-outlook-heading = Pay and outlook (United States)
occupation-related-heading = Related occupations
occupation-source = Occupation information from O*NET 29.3 (USDOL/ETA, CC BY 4.0); outlook from the BLS Employment Projections 2024–34.
riasec-chart-title = Interest profile of this occupation
riasec-chart-caption = How strongly each interest area fits this work, from 1 (low) to 7 (high). ★ marks the high points that make up the interest code.
riasec-table-caption = Interest scores (1 to 7)
col-interest = Interest area
col-score = Score
col-high-point = High point
education-share = { $percent } % of workers
job-zone-number = Job zone { $zone }
job-zone-details = What this job zone means (from O*NET)
job-zone-experience = Experience
job-zone-education = Education
job-zone-training = Training
job-zone-examples = Examples
outlook-median-wage = Median yearly pay (2024)
outlook-at-least = at least
outlook-employment = Jobs in 2024
outlook-growth = Expected change 2024–34
outlook-all-growth = all occupations: { $percent } %
outlook-openings = Openings each year
outlook-experience = Work experience needed
outlook-training = On-the-job training
outlook-source = Source: Employment Projections program, U.S. Bureau of Labor Statistics.
outlook-none = No national projection is published for this occupation.

## RIASEC
riasec-R-name = Realistic
riasec-R-description = hands-on work with tools, machines, plants or animals, often outdoors.
riasec-I-name = Investigative
riasec-I-description = working with ideas, research and figuring out how things work.
riasec-A-name = Artistic
riasec-A-description = creating, designing and expressing yourself without strict rules.
riasec-S-name = Social
riasec-S-description = helping, teaching, caring for and serving people.
riasec-E-name = Enterprising
riasec-E-description = leading, persuading, selling and starting things.
riasec-C-name = Conventional
riasec-C-description = organizing information, following procedures and keeping things accurate.

## Job zones
job-zone-1-name = Little or no preparation
job-zone-1-summary = A high school diploma may help; training takes days to a few months on the job.
job-zone-2-name = Some preparation
job-zone-2-summary = Usually a high school diploma and some experience; training takes months to a year.
job-zone-3-name = Medium preparation
job-zone-3-summary = Usually vocational training, an apprenticeship or an associate's degree, plus experience.
job-zone-4-name = Considerable preparation
job-zone-4-summary = Usually a four-year bachelor's degree and several years of related experience.
job-zone-5-name = Extensive preparation
job-zone-5-summary = Usually a graduate degree (master's, doctorate, law or medical degree) and long experience.

## Education levels (O*NET categories)
education-level-1 = Less than high school
education-level-2 = High school diploma or equivalent
education-level-3 = Post-secondary certificate
education-level-4 = Some college courses
education-level-5 = Associate's degree
education-level-6 = Bachelor's degree
education-level-7 = Post-baccalaureate certificate
education-level-8 = Master's degree
education-level-9 = Post-master's certificate
education-level-10 = First professional degree
education-level-11 = Doctoral degree
education-level-12 = Post-doctoral training
bls-education-no-formal-educational-credential = No formal educational credential
bls-education-high-school-diploma-or-equivalent = High school diploma or equivalent
bls-education-some-college-no-degree = Some college, no degree
bls-education-postsecondary-nondegree-award = Postsecondary nondegree award
bls-education-associate-s-degree = Associate's degree
bls-education-bachelor-s-degree = Bachelor's degree
bls-education-master-s-degree = Master's degree
bls-education-doctoral-or-professional-degree = Doctoral or professional degree
bls-experience-none = None
bls-experience-less-than-5-years = Less than 5 years
bls-experience-5-years-or-more = 5 years or more
bls-training-none = None
bls-training-short-term-on-the-job-training = Short-term on-the-job training
bls-training-moderate-term-on-the-job-training = Moderate-term on-the-job training
bls-training-long-term-on-the-job-training = Long-term on-the-job training
bls-training-apprenticeship = Apprenticeship
bls-training-internship-residency = Internship or residency

## Practices
practices-title = Career Ready Practices
practices-lead = Career Ready Practices describe what every student needs for any career, whatever the cluster.
practices-version-cctc-2012-title = Career Ready Practices (Common Career Technical Core, 2012)
practices-version-cctc-2012-intro = The 12 practices of the Common Career Technical Core, as adopted by most states.
practices-version-ncc-2024-title = Updated practices (2024 framework)
practices-version-ncc-2024-intro = Advance CTE updated the practices with the 2024 framework. Only three of the twelve could be confirmed so far, and their wording is not verified.
skills-title = Employability Skills
skills-intro = The U.S. Department of Education's Employability Skills Framework: three groups, nine skills.

## Legacy framework
legacy-title = From the old 16 clusters to the new 14
legacy-lead = Many schools still tag courses with the old framework of 16 clusters and 79 pathways. This page shows where each old cluster and pathway went.
legacy-derived-note = Cluster links marked “published” come from a public statement on the 2024 release; the others, and every pathway link, are computed from the occupations they share and are not an official crosswalk.
legacy-index = Old clusters
legacy-becomes = Now part of
legacy-no-successor = No single successor
legacy-published = published
legacy-inferred = inferred
legacy-pathways-caption = Pathways of { $cluster } and the sub-clusters that share most of their occupations
legacy-no-overlap = No shared occupations
legacy-share = { $count ->
    [one] { $shared } of its { $found } occupation in common
   *[other] { $shared } of its { $found } occupations in common
}
col-legacy-pathway = Old pathway
col-closest-subclusters = Closest sub-clusters
legacy-rel-primary = main successor
legacy-rel-merged = merged with other clusters
legacy-rel-renamed-expanded = renamed and expanded
legacy-rel-partial-natural-resources-portion = partly (the natural-resources part)
legacy-rel-eliminated-spread-across-several-clusters = dissolved; spread across several clusters

## About
about-title = About Pathways and its data
about-lead = Pathways helps students, families, counselors and teachers explore careers through the National Career Clusters® Framework. These are the sources it is built on.
about-sources-heading = Sources and credits
about-advance-cte-heading = Advance CTE
about-advance-cte = Career Clusters, sub-clusters, groupings and the SOC, CIP and NAICS crosswalks: Advance CTE, National Career Clusters® Framework Crosswalk (2024–2025). Career Clusters® is a registered mark of Advance CTE. Cluster descriptions are written by the Pathways team.
about-onet-heading = O*NET
about-onet-translation = The O*NET text above is the required attribution, kept in English.
about-bls-heading = U.S. Bureau of Labor Statistics
about-bls = Employment, growth, openings and pay: Employment Projections program, U.S. Bureau of Labor Statistics, 2024–34 (public domain).
about-nces-heading = National Center for Education Statistics
about-nces = Programs of study: CIP 2020 and the CIP 2020 to SOC 2018 crosswalk, NCES and BLS (public domain).
about-ed-heading = U.S. Department of Education
about-ed = Employability Skills Framework, Office of Career, Technical, and Adult Education (public domain).
about-caveats-heading = What to keep in mind
about-caveat-uvt = The 72nd sub-cluster, “Unmanned Vehicle Technology”, is not in the official crosswalk; its name is unconfirmed.
about-caveat-uvt-link = See that sub-cluster
about-caveat-groupings = Four of the six groupings have published membership; the other two are inferred.
about-caveat-practices = Only three of the twelve 2024 Career Ready Practices could be confirmed; the 2012 practices are complete.
about-caveat-legacy = Links from the old pathways to the new sub-clusters are computed by us from shared occupations.
about-caveat-language = Occupation titles, descriptions and tasks come from O*NET and are in English.
about-data-heading = Loaded data
about-data-version = Data version
about-released = Framework released
about-loaded-at = Loaded into this server
about-counts-caption = What this server holds
col-item = Item
col-count = Count

## API
api-title = API reference
api-lead = Every catalog page has a JSON twin under /api/v1. The document below is generated from the code.
api-openapi-link = OpenAPI 3.1 document (JSON)
api-case-link = The framework as a CASE 1.0 package
api-version = Version
api-operations = Operations
api-parameters = Parameters
api-responses = Responses
api-schemas = Schemas
api-name = Name
api-in = In
api-required = Required
api-description = Description
api-status = Status
api-body = Body
api-field = Field
api-type = Type
api-see-json = See the OpenAPI document for this schema.

## Errors
error-status = Status
error-home-link = Go to the home page
error-search-link = Search occupations
error-not-found-title = Page not found
error-not-found = We could not find that page. It may have moved, or the address may have a typo.
error-bad-request-title = Something in the address is not right
error-bad-request = Please check the highlighted part and try again.
error-method-title = Not allowed
error-method = This address does not accept that kind of request.
error-unavailable-title = Not ready yet
error-unavailable = The career catalog has not been loaded yet. An administrator can run “pathways catalog load”.
error-database-title = Please try again in a minute
error-database = Pathways cannot reach its database right now. Please try again in a minute; if you were saving something, save it again then.
error-internal-title = Something went wrong
error-internal = Something went wrong on our side. Please try again; if it keeps happening, tell your administrator.
error-field-page = The page number must be a whole number of 1 or more.
error-field-per-page = The page size must be a whole number from 1 to 100.
error-field-q = The search text may be at most 100 characters.
error-field-zone = The job zone must be a number from 1 to 5.
error-field-interest = The interest must be one of the letters R, I, A, S, E or C.
error-field-cluster = There is no Career Cluster with that id.
error-field-occupation-code = Occupation codes look like 29-1141.00.
error-field-uuid = Identifiers here are UUIDs.

cross-cutting-this = This cluster matters in every industry.
unverified-subcluster-next = Meanwhile, explore
unverified-subcluster-search = occupations that work with drones
source-note = Source note
subcluster-occupations-intro = { $count ->
    [one] { $shown } occupation with an O*NET profile, as the official Advance CTE crosswalk aligns it.
   *[other] { $shown } occupations with an O*NET profile, as the official Advance CTE crosswalk aligns them.
}
subcluster-soc-only-heading = Also in the crosswalk
subcluster-soc-only-intro = These occupation codes have no O*NET profile, so there is no page for them:
riasec-legend = Interest code letters: R Realistic, I Investigative, A Artistic, S Social, E Enterprising, C Conventional. Job zone: 1 little preparation … 5 extensive preparation.
occupation-all = { $count ->
    [one] The only occupation
   *[other] All { $shown } occupations
}
occupations-past-end = There is nothing on this page; the list has { $pages } pages.
occupations-first-page = Go to the first page
occupation-glance-heading = At a glance
education-to-start = Education to start
education-to-start-bls = Typical education to get hired (BLS)
education-most-workers = Education most workers have (O*NET)
education-most-workers-share = { $level }
occupation-programs-heading = Programs of study that prepare for it
occupation-no-programs = The NCES crosswalk links no programs of study to this occupation.
occupation-programs-intro = College and training programs (CIP 2020) that lead to this work, from the NCES crosswalk.
occupation-all-programs = { $count ->
    [one] Show the { $shown } program
   *[other] Show all { $shown } programs
}
outlook-specialty = These figures are for all { $group }; BLS does not report this specialty separately.
practices-unverified-note = The wording of practices marked with an asterisk is not yet confirmed.
skills-unverified-note = Skills marked with an asterisk come from an incomplete copy of the framework and are not yet confirmed.
footer-api-link = API for developers
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

error-forbidden-title = This form has expired
error-forbidden = For your safety, forms work only for a while. Go back, reload the page and try again.
error-gone-title = Deleted
error-gone = This was deleted by its author. Adapted copies and what it showed students remain.
error-too-large-title = That is too much text
error-too-large = What you sent is larger than this page accepts. Please shorten it and try again.

error-field-body = The request body is not what this address expects.
error-field-form = The form was not filled in as expected; reload it and try again.
error-field-role = The role must be one of student, guardian, teacher, counselor, partner, school_admin, district_admin.
error-field-plan-interest = Choose a cluster, sub-cluster or occupation of the framework.
error-field-goal-kind = Choose academic, career or personal.
error-field-goal-status = Choose the goal's status.
error-field-goal-title = Give the goal a title of up to 200 characters.
error-field-goal-benchmark = Say how you will know the goal is reached, in up to 1,000 characters.
error-field-goal-date = Give the target date as a date, like 2027-05-31.
error-field-goal-version = The plan changed since you opened it. Reload it and edit the goal again.
error-field-note-body = Write the note, in up to 4,000 characters.
error-field-step-title = Name the step in up to 200 characters.
error-field-step-owner = Choose who does the step: the student, a guardian, a counselor or a teacher.
error-field-step-date = Give the due date as a date, like 2027-05-31.
error-field-caseload-grade = Choose a grade from 6 to 12.
error-field-caseload-grade-empty = No student of that grade is in your caseload; choose another grade.
error-field-caseload-school = Choose one of the schools in the list.
error-field-caseload-need = Choose one of the needs in the list.
error-field-plan-version = The plan changed since you opened it. Reload it and make your change again.
error-field-activity-kind = Choose what kind of activity this is.
error-field-activity-title = Say what you did, in up to 200 characters.
error-field-activity-organization = Keep where or with whom to 200 characters.
error-field-activity-description = Keep the description to 2,000 characters.
error-field-activity-dates = Write the dates as dates, for example 2027-05-31, with the end on or after the start.
error-field-activity-hours = Write the hours as a whole number from 0 to 10,000.
error-field-activity-tags = Choose tags from the lists shown.
error-field-reflection-prompt = Choose one of the prompts.
error-field-reflection-body = Write your reflection in up to 4,000 characters.
error-field-postsecondary-path = Choose one of the paths.
error-field-postsecondary-details = Keep the details to 2,000 characters.
error-field-plan-file = Choose a plan file (.json) exported from Pathways.
error-field-plan-file-format = This file is not a Pathways plan file.
error-field-plan-file-version = This plan file was written by a newer Pathways; export it again from a version that writes format 1.
error-field-course-grade = Choose a grade from 6 to 12 for the course.
error-field-course-status = Choose where the course stands: planned, in progress, completed or not passed.
error-field-course-unknown = That course is not in the district's course catalog. Choose one from the list.
error-field-course-placed = That course is already on the plan. Change its grade there instead.
error-field-credits = Type a number of credits, like 4 or 1.5.
error-field-credits-total = All credits together cannot be fewer than the subject areas' credits added up.
error-field-preset = Choose one of the presets in the list.
error-field-element-grade = Choose a grade from 6 to 12.
error-field-element-kind = Choose what the plan must hold.
error-field-element-count = Type how many, a whole number from 1 to 50.
error-field-element-option = Choose options from the list.
