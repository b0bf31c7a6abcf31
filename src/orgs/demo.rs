//! The demo district: a deterministic, synthetic district with two high schools and two
//! middle schools, students in grades 6–12 with a realistic mix of demographics, their
//! guardians, teachers with classes, counselors with caseloads, and one partner
//! organization. The same seed always gives the same people, ids and relationships.
//! Demo accounts (password `pathways-demo`) are related as their names suggest.

use time::OffsetDateTime;
use uuid::Uuid;

use crate::db::batch::{TableRows, Value};
use crate::ids::{ClassId, CourseId, DistrictId, PartnerOrganizationId, SchoolId, UserId};

/// Password of every demo account.
pub const DEMO_PASSWORD: &str = "pathways-demo";

/// The demo accounts, in the order they are printed.
pub const DEMO_ACCOUNTS: [(&str, &str); 8] = [
    ("student@demo.test", "student"),
    ("guardian@demo.test", "guardian"),
    ("teacher@demo.test", "teacher"),
    ("counselor@demo.test", "counselor"),
    ("partner@demo.test", "partner"),
    ("school-admin@demo.test", "school_admin"),
    ("district-admin@demo.test", "district_admin"),
    ("middle-schooler@demo.test", "student"),
];

/// What to generate.
#[derive(Clone, Debug)]
pub struct DemoSpec {
    pub slug: String,
    pub name: String,
    pub students: usize,
    /// Give the well-known demo accounts their emails and password.
    pub demo_accounts: bool,
}

impl DemoSpec {
    /// The demo district of `pathways demo`.
    pub fn standard(students: usize) -> Self {
        Self {
            slug: "riverbend".into(),
            name: "Riverbend Unified School District".into(),
            students,
            demo_accounts: true,
        }
    }
}

/// Small deterministic generator (SplitMix64): the same seed, the same district.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn seeded(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST_NAMES: &[&str] = &[
    "Sofia",
    "Mateo",
    "Isabella",
    "Santiago",
    "Camila",
    "Diego",
    "Valentina",
    "Luis",
    "Ximena",
    "Carlos",
    "Lucia",
    "Jose",
    "Emma",
    "Liam",
    "Olivia",
    "Noah",
    "Ava",
    "Ethan",
    "Mia",
    "Lucas",
    "Harper",
    "Elijah",
    "Amelia",
    "James",
    "Aaliyah",
    "Jayden",
    "Imani",
    "Malik",
    "Zoe",
    "Darius",
    "Nia",
    "Andre",
    "Mei",
    "Kenji",
    "Priya",
    "Arjun",
    "Linh",
    "Minh",
    "Hana",
    "Jin",
    "Fatima",
    "Omar",
    "Layla",
    "Yusuf",
    "Amara",
    "Kofi",
    "Chloe",
    "Ryan",
    "Grace",
    "Owen",
    "Ana",
    "Miguel",
    "Daniela",
    "Alejandro",
    "Paola",
    "Kai",
    "Leilani",
    "Aiyana",
    "Dakota",
    "Maya",
    "Ezra",
    "Nora",
];

const FAMILY_NAMES: &[&str] = &[
    "Garcia",
    "Martinez",
    "Rodriguez",
    "Hernandez",
    "Lopez",
    "Gonzalez",
    "Perez",
    "Sanchez",
    "Ramirez",
    "Torres",
    "Flores",
    "Rivera",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Jones",
    "Miller",
    "Davis",
    "Wilson",
    "Anderson",
    "Taylor",
    "Thomas",
    "Moore",
    "Jackson",
    "White",
    "Harris",
    "Thompson",
    "Robinson",
    "Washington",
    "Nguyen",
    "Tran",
    "Kim",
    "Lee",
    "Patel",
    "Shah",
    "Chen",
    "Wang",
    "Singh",
    "Ali",
    "Haddad",
    "Okafor",
    "Mensah",
    "Begay",
    "Yazzie",
    "Kahale",
    "Murphy",
    "O'Brien",
    "Cohen",
    "Novak",
    "Reyes",
    "Castillo",
    "Morales",
    "Ortiz",
    "Vargas",
];

/// Ethnicity groups with their share of students.
const ETHNICITIES: &[(&str, f64)] = &[
    ("hispanic_latino", 0.40),
    ("white", 0.29),
    ("black", 0.13),
    ("asian", 0.09),
    ("two_or_more", 0.06),
    ("american_indian", 0.015),
    ("pacific_islander", 0.015),
];

const CORE_SUBJECTS: [&str; 4] = ["English", "Mathematics", "Science", "Social Studies"];
const MIDDLE_ELECTIVES: [&str; 5] = ["Art", "Music", "Physical Education", "Spanish", "Technology"];
const HIGH_ELECTIVES: [&str; 10] = [
    "Art",
    "Music",
    "Health and Physical Education",
    "Spanish",
    "Computer Science",
    "Automotive Technology",
    "Health Science",
    "Culinary Arts",
    "Business and Marketing",
    "Agriculture",
];

const SECTION_SIZE: usize = 28;
const SECTIONS_PER_TEACHER: usize = 5;

/// Rows for each table, in an order where references come first.
#[derive(Default)]
pub struct Generated {
    pub district_id: Option<DistrictId>,
    pub tables: Vec<TableRows>,
}

impl Generated {
    fn table(&mut self, name: &'static str, columns: &'static [&'static str]) -> usize {
        self.tables.push(TableRows { table: name, columns, rows: Vec::new() });
        self.tables.len() - 1
    }

    pub fn rows(&self, table: &str) -> usize {
        self.tables.iter().find(|t| t.table == table).map_or(0, |t| t.rows.len())
    }
}

const USER_COLUMNS: &[&str] = &[
    "id",
    "district_id",
    "role",
    "given_name",
    "family_name",
    "email",
    "school_id",
    "grade",
    "sourced_id",
    "password_hash",
    "active",
    "created_at",
];

struct Builder<'a> {
    spec: &'a DemoSpec,
    namespace: Uuid,
    rng: Rng,
    now: OffsetDateTime,
    district: DistrictId,
    out: Generated,
    users: usize,
    password_hash: Option<String>,
}

struct School {
    id: SchoolId,
    grades: std::ops::RangeInclusive<i64>,
    high: bool,
}

impl<'a> Builder<'a> {
    fn user(
        &mut self,
        role: &str,
        key: &str,
        school: Option<SchoolId>,
        grade: Option<i64>,
        email: Option<String>,
    ) -> UserId {
        let id = UserId::derived(&self.namespace, &format!("user/{key}"));
        let given = self.rng.pick(FIRST_NAMES).to_string();
        let family = self.rng.pick(FAMILY_NAMES).to_string();
        let demo = email.as_deref().is_some_and(|e| e.ends_with("@demo.test"));
        let row = vec![
            Value::uuid(id.uuid()),
            Value::uuid(self.district.uuid()),
            Value::text(role),
            Value::text(given),
            Value::text(family),
            Value::opt_text(email),
            Value::Uuid(school.map(|s| s.uuid())),
            Value::Int(grade),
            Value::text(format!("{}-{key}", self.spec.slug)),
            Value::Text(if demo { self.password_hash.clone() } else { None }),
            Value::Bool(true),
            Value::Time(self.now),
        ];
        self.push(USERS, row);
        self.users += 1;
        id
    }

    fn push(&mut self, table: usize, row: Vec<Value>) {
        self.out.tables[table].rows.push(row);
    }

    fn staff_email(&self, key: &str) -> String {
        format!("{key}@{}.test", self.spec.slug)
    }
}

/// Table indexes in `Generated::tables`.
const DISTRICTS: usize = 0;
const SCHOOLS: usize = 1;
const USERS: usize = 2;
const GUARDIANSHIPS: usize = 3;
const COURSES: usize = 4;
const CLASSES: usize = 5;
const ENROLLMENTS: usize = 6;
const ASSIGNMENTS: usize = 7;
const ATTRIBUTES: usize = 8;
const PARTNERS: usize = 9;
const PARTNER_STAFF: usize = 10;
const CASELOADS: usize = 11;

/// Students one counselor serves at most: a school-and-grade group larger than this is
/// split among several counselors, each with an explicit caseload (about the national
/// average of 400; the standard demo's groups stay under it).
const CASELOAD_LIMIT: usize = 500;

/// Generates the district described by `spec`; `password_hash` is stored for demo accounts.
pub fn generate(spec: &DemoSpec, password_hash: Option<String>, now: OffsetDateTime) -> Generated {
    let namespace = Uuid::new_v5(&Uuid::NAMESPACE_URL, format!("urn:pathways:demo:{}", spec.slug).as_bytes());
    let district = DistrictId::derived(&namespace, "district");
    let mut b = Builder {
        spec,
        namespace,
        rng: Rng(0x5EED_0000 ^ spec.students as u64),
        now,
        district,
        out: Generated { district_id: Some(district), tables: Vec::new() },
        users: 0,
        password_hash,
    };
    b.out.table("districts", &["id", "slug", "name", "sourced_id", "created_at"]);
    b.out.table("schools", &["id", "district_id", "name", "level", "lowest_grade", "highest_grade", "sourced_id"]);
    b.out.table("users", USER_COLUMNS);
    b.out.table("guardianships", &["guardian_id", "student_id"]);
    b.out.table("courses", &["id", "district_id", "school_id", "title", "code", "subject", "sourced_id"]);
    b.out.table("classes", &["id", "district_id", "school_id", "course_id", "title", "period", "sourced_id"]);
    b.out.table("enrollments", &["class_id", "user_id", "role"]);
    b.out.table("counselor_assignments", &["counselor_id", "school_id", "grade"]);
    b.out.table(
        "student_attributes",
        &["student_id", "sex", "ethnicity", "economically_disadvantaged", "english_learner", "iep_504"],
    );
    b.out.table("partner_organizations", &["id", "name"]);
    b.out.table("partner_staff", &["user_id", "organization_id"]);
    b.out.table("caseloads", &["counselor_id", "student_id"]);

    b.push(
        DISTRICTS,
        vec![
            Value::uuid(district.uuid()),
            Value::text(&spec.slug),
            Value::text(&spec.name),
            Value::text(format!("{}-district", spec.slug)),
            Value::Time(now),
        ],
    );
    let short = spec.name.split_whitespace().next().unwrap_or("Demo").to_string();
    let schools = [
        (format!("{short} High School"), true, 9..=12),
        (format!("{short} Valley High School"), true, 9..=12),
        (format!("{short} Middle School"), false, 6..=8),
        (format!("{short} Heights Middle School"), false, 6..=8),
    ]
    .into_iter()
    .enumerate()
    .map(|(i, (name, high, grades))| {
        let id = SchoolId::derived(&namespace, &format!("school/{i}"));
        b.push(
            SCHOOLS,
            vec![
                Value::uuid(id.uuid()),
                Value::uuid(district.uuid()),
                Value::text(name),
                Value::text(if high { "high" } else { "middle" }),
                Value::Int(Some(*grades.start())),
                Value::Int(Some(*grades.end())),
                Value::text(format!("{}-school-{i}", spec.slug)),
            ],
        );
        School { id, grades, high }
    })
    .collect::<Vec<_>>();

    let demo = |account: usize| spec.demo_accounts.then(|| DEMO_ACCOUNTS[account].0.to_string());
    b.user("district_admin", "district-admin", None, None, demo(6).or_else(|| Some(b.staff_email("district-admin"))));
    let school_admin_email = demo(5).unwrap_or_else(|| b.staff_email("school-admin-0"));
    b.user("school_admin", "school-admin-0", Some(schools[0].id), None, Some(school_admin_email));
    for (i, school) in schools.iter().enumerate().skip(1) {
        let email = b.staff_email(&format!("school-admin-{i}"));
        b.user("school_admin", &format!("school-admin-{i}"), Some(school.id), None, Some(email));
    }

    let partner = PartnerOrganizationId::derived(&namespace, "partner/0");
    b.push(PARTNERS, vec![Value::uuid(partner.uuid()), Value::text(format!("{short} Regional Medical Center"))]);
    let partner_email = demo(4).unwrap_or_else(|| b.staff_email("partner-0"));
    let partner_user = b.user("partner", "partner-0", None, None, Some(partner_email));
    b.push(PARTNER_STAFF, vec![Value::uuid(partner_user.uuid()), Value::uuid(partner.uuid())]);

    // Students per school and grade: grades share the total evenly; each grade splits
    // between the two schools serving it.
    let per_grade = spec.students / 7;
    let mut extra = spec.students % 7;
    let mut guardian_count = 0usize;
    let mut student_number = 0usize;
    let mut demo_student: Option<UserId> = None;
    let mut enrolled: Vec<(SchoolId, i64, Vec<UserId>)> = Vec::new();
    let mut demo_student_classes: Vec<ClassId> = Vec::new();
    // A seventh grader signs in as the demo middle schooler.
    let mut middle_schooler = false;
    for grade in 6..=12i64 {
        let count = per_grade + usize::from(extra > 0);
        extra = extra.saturating_sub(1);
        let serving: Vec<&School> = schools.iter().filter(|s| s.grades.contains(&grade)).collect();
        for (k, school) in serving.iter().enumerate() {
            let here = count / serving.len() + usize::from(k < count % serving.len());
            let students: Vec<UserId> = (0..here)
                .map(|_| {
                    let n = student_number;
                    student_number += 1;
                    let is_demo =
                        spec.demo_accounts && demo_student.is_none() && school.id == schools[0].id && grade == 10;
                    let is_middle_schooler = spec.demo_accounts && !middle_schooler && !school.high && grade == 7;
                    let email = if is_demo {
                        demo(0)
                    } else if is_middle_schooler {
                        demo(7)
                    } else {
                        None
                    };
                    let id = b.user("student", &format!("student-{n}"), Some(school.id), Some(grade), email);
                    if is_demo {
                        demo_student = Some(id);
                    }
                    middle_schooler |= is_middle_schooler;
                    attributes(&mut b, id);
                    id
                })
                .collect();
            enrolled.push((school.id, grade, students.clone()));
            for (i, &student) in students.iter().enumerate() {
                // Siblings: some students share the previous student's guardian.
                let sibling = i > 0 && b.rng.chance(0.12);
                let guardian = if sibling && guardian_count > 0 {
                    UserId::derived(&namespace, &format!("user/guardian-{}", guardian_count - 1))
                } else {
                    let is_demo = Some(student) == demo_student;
                    let email =
                        if is_demo { demo(1) } else { Some(b.staff_email(&format!("guardian-{guardian_count}"))) };
                    let id = b.user("guardian", &format!("guardian-{guardian_count}"), None, None, email);
                    guardian_count += 1;
                    id
                };
                b.push(GUARDIANSHIPS, vec![Value::uuid(guardian.uuid()), Value::uuid(student.uuid())]);
                if b.rng.chance(0.2) && !sibling {
                    let second = b.user("guardian", &format!("guardian-{guardian_count}"), None, None, None);
                    guardian_count += 1;
                    b.push(GUARDIANSHIPS, vec![Value::uuid(second.uuid()), Value::uuid(student.uuid())]);
                }
            }
            let classes = classes_for(&mut b, school, grade, &students, k);
            if students.first() == demo_student.as_ref() {
                demo_student_classes = classes;
            }
        }
    }

    // Counselors: one for each grade of each school (the middle schools share one for 6-7),
    // or several splitting a large group's students between them.
    let mut counselor_number = 0;
    for (i, school) in schools.iter().enumerate() {
        let groups: Vec<Vec<i64>> =
            if school.high { school.grades.clone().map(|g| vec![g]).collect() } else { vec![vec![6, 7], vec![8]] };
        for grades in groups {
            let students: Vec<UserId> = enrolled
                .iter()
                .filter(|(at, grade, _)| *at == school.id && grades.contains(grade))
                .flat_map(|(_, _, students)| students.iter().copied())
                .collect();
            let counselors = students.len().div_ceil(CASELOAD_LIMIT).max(1);
            for n in 0..counselors {
                let is_demo = spec.demo_accounts && i == 0 && grades == [10] && n == 0;
                let email =
                    if is_demo { demo(3) } else { Some(b.staff_email(&format!("counselor-{counselor_number}"))) };
                let counselor =
                    b.user("counselor", &format!("counselor-{counselor_number}"), Some(school.id), None, email);
                counselor_number += 1;
                if counselors == 1 {
                    for &grade in &grades {
                        b.push(
                            ASSIGNMENTS,
                            vec![Value::uuid(counselor.uuid()), Value::uuid(school.id.uuid()), Value::Int(Some(grade))],
                        );
                    }
                    continue;
                }
                let share = students.len().div_ceil(counselors);
                for student in students.iter().skip(n * share).take(share) {
                    b.push(CASELOADS, vec![Value::uuid(counselor.uuid()), Value::uuid(student.uuid())]);
                }
            }
        }
    }

    // The demo teacher teaches the demo student's English class.
    if let (true, Some(&class)) = (spec.demo_accounts, demo_student_classes.first()) {
        let teacher = b.user("teacher", "demo-teacher", Some(schools[0].id), None, demo(2));
        b.push(ENROLLMENTS, vec![Value::uuid(class.uuid()), Value::uuid(teacher.uuid()), Value::text("teacher")]);
    }
    b.out
}

fn attributes(b: &mut Builder, student: UserId) {
    let roll = (b.rng.next() >> 11) as f64 / (1u64 << 53) as f64;
    let mut acc = 0.0;
    let mut ethnicity = ETHNICITIES[0].0;
    for (name, share) in ETHNICITIES {
        acc += share;
        if roll <= acc {
            ethnicity = name;
            break;
        }
    }
    let sex = match b.rng.below(100) {
        0..=48 => "female",
        49..=97 => "male",
        _ => "other",
    };
    let english_learner = b.rng.chance(if matches!(ethnicity, "hispanic_latino" | "asian") { 0.28 } else { 0.03 });
    let row = vec![
        Value::uuid(student.uuid()),
        Value::text(sex),
        Value::text(ethnicity),
        Value::Bool(b.rng.chance(0.48)),
        Value::Bool(english_learner),
        Value::Bool(b.rng.chance(0.14)),
    ];
    b.push(ATTRIBUTES, row);
}

/// Courses and sections of one grade at one school, with teachers; every student takes the
/// four core subjects and two electives. Returns the classes of the group's first student.
fn classes_for(b: &mut Builder, school: &School, grade: i64, students: &[UserId], group: usize) -> Vec<ClassId> {
    let electives: &[&str] = if school.high { &HIGH_ELECTIVES } else { &MIDDLE_ELECTIVES };
    let subjects: Vec<(&str, bool)> =
        CORE_SUBJECTS.iter().map(|s| (*s, true)).chain(electives.iter().map(|s| (*s, false))).collect();
    let mut first_student_classes = Vec::new();
    for (index, (subject, core)) in subjects.iter().enumerate() {
        let taking: Vec<UserId> = if *core {
            students.to_vec()
        } else {
            // Two electives each, spread over the electives.
            students
                .iter()
                .enumerate()
                .filter(|(i, _)| {
                    let first = i % electives.len();
                    let second = (i / electives.len() + first + 1) % electives.len();
                    index - CORE_SUBJECTS.len() == first || index - CORE_SUBJECTS.len() == second
                })
                .map(|(_, s)| *s)
                .collect()
        };
        if taking.is_empty() {
            continue;
        }
        let key = format!("{}/{grade}/{group}/{subject}", school.id);
        let course = CourseId::derived(&b.namespace, &format!("course/{key}"));
        let title = format!("{subject} {grade}");
        b.push(
            COURSES,
            vec![
                Value::uuid(course.uuid()),
                Value::uuid(b.district.uuid()),
                Value::uuid(school.id.uuid()),
                Value::text(&title),
                Value::text(format!("{}{grade}", subject.chars().take(3).collect::<String>().to_uppercase())),
                Value::text(*subject),
                Value::text(format!("{}-course-{}", b.spec.slug, course.uuid().simple())),
            ],
        );
        let sections = taking.len().div_ceil(SECTION_SIZE);
        let mut teacher = None;
        for section in 0..sections {
            if section % SECTIONS_PER_TEACHER == 0 {
                let key = format!("teacher/{}/{grade}/{group}/{subject}/{section}", school.id);
                let email = b.staff_email(&format!("teacher-{}", b.users));
                teacher = Some(b.user("teacher", &key, Some(school.id), None, Some(email)));
            }
            let class = ClassId::derived(&b.namespace, &format!("class/{key}/{section}"));
            b.push(
                CLASSES,
                vec![
                    Value::uuid(class.uuid()),
                    Value::uuid(b.district.uuid()),
                    Value::uuid(school.id.uuid()),
                    Value::uuid(course.uuid()),
                    Value::text(format!("{title} — {}", section + 1)),
                    Value::text(((section % 7) + 1).to_string()),
                    Value::text(format!("{}-class-{}", b.spec.slug, class.uuid().simple())),
                ],
            );
            if let Some(teacher) = teacher {
                b.push(
                    ENROLLMENTS,
                    vec![Value::uuid(class.uuid()), Value::uuid(teacher.uuid()), Value::text("teacher")],
                );
            }
            for &student in taking.iter().skip(section * SECTION_SIZE).take(SECTION_SIZE) {
                b.push(
                    ENROLLMENTS,
                    vec![Value::uuid(class.uuid()), Value::uuid(student.uuid()), Value::text("student")],
                );
                if Some(&student) == students.first() {
                    first_student_classes.push(class);
                }
            }
        }
    }
    first_student_classes
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Generated {
        generate(&DemoSpec::standard(210), None, OffsetDateTime::UNIX_EPOCH)
    }

    #[test]
    fn the_same_spec_gives_the_same_district() {
        let (a, b) = (small(), small());
        for (ta, tb) in a.tables.iter().zip(&b.tables) {
            assert_eq!(ta.rows, tb.rows, "{}", ta.table);
        }
    }

    #[test]
    fn it_has_the_requested_students_and_the_demo_accounts() {
        let district = small();
        let users = &district.tables[USERS].rows;
        let students = users.iter().filter(|u| u[2] == Value::text("student")).count();
        assert_eq!(students, 210);
        for (email, role) in DEMO_ACCOUNTS {
            let account = users.iter().find(|u| u[5] == Value::text(email)).unwrap_or_else(|| panic!("{email}"));
            assert_eq!(account[2], Value::text(role));
        }
        assert_eq!(district.rows("schools"), 4);
        assert!(district.rows("enrollments") > 210 * 6);
    }
}
