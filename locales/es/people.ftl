## Inicio de sesión, cuentas, personas y el registro de auditoría

sign-in = Iniciar sesión
sign-out = Cerrar sesión
nav-home = Mi inicio
welcome-title = Hola, { $name }

signin-title = Inicia sesión en Pathways
signin-email = Correo electrónico
signin-password = Contraseña
signin-forgot-link = ¿Olvidaste tu contraseña?
signin-explore-hint = Puedes explorar carreras sin iniciar sesión.
signin-missing = Escribe tu correo electrónico y tu contraseña.
signin-wrong = Ese correo y esa contraseña no coinciden con ninguna cuenta. Revísalos e inténtalo de nuevo.
signin-throttled = Hubo demasiados intentos de entrar a esta cuenta. Espera 15 minutos e inténtalo de nuevo, o restablece tu contraseña.
signin-done-out = Cerraste sesión.
signin-done-everywhere = Cerraste sesión en todos tus dispositivos.
signin-done-reset = Tu contraseña cambió. Inicia sesión con la nueva.
signin-providers-heading = Inicia sesión con tu cuenta escolar
signin-provider-button = Iniciar sesión con { $provider }
signin-providers-or = O inicia sesión con tu correo y contraseña de Pathways:
signin-provider-failed = No se pudo iniciar sesión con tu cuenta escolar esta vez. Inténtalo de nuevo en un momento o inicia sesión con tu correo y contraseña.
signin-provider-expired = Ese enlace de inicio de sesión caducó o ya se usó. Empieza de nuevo desde esta página.
signin-provider-no-account = Tu cuenta escolar no está vinculada a una cuenta de Pathways en este distrito. Pide al administrador de Pathways de tu escuela que te agregue.
signin-demo-heading = Cuentas de demostración
signin-demo-intro = Este es un distrito de demostración. Todas las cuentas de demostración usan la contraseña
signin-demo-role = Función

forgot-title = Restablece tu contraseña
forgot-intro = Escribe el correo electrónico de tu cuenta. Te enviaremos un enlace para elegir una contraseña nueva.
forgot-submit = Enviar el enlace
forgot-sent = Si una cuenta usa ese correo, ya va en camino un enlace para restablecer su contraseña. Funciona durante una hora.
forgot-back = Volver a iniciar sesión

reset-title = Elige una contraseña nueva
reset-intro = Elige una contraseña que no uses en ningún otro lugar.
reset-new = Contraseña nueva
reset-confirm = Escribe otra vez la contraseña nueva
reset-hint = Al menos 8 caracteres. Una frase larga es fácil de recordar y difícil de adivinar.
reset-submit = Guardar la contraseña nueva
reset-invalid = Este enlace venció o ya se usó. Pide uno nuevo.
reset-again = Pedir un enlace nuevo

password-too-short = Una contraseña necesita al menos 8 caracteres.
password-too-long = Una contraseña puede tener como máximo 128 caracteres.
password-common = Esta contraseña es de las más comunes. Elige otra.
password-is-email = Tu contraseña no puede ser tu correo electrónico.
password-mismatch = Las dos contraseñas no son iguales. Escríbelas de nuevo.

role-student-name = Estudiante
role-guardian-name = Madre, padre o tutor
role-teacher-name = Docente
role-counselor-name = Consejero o consejera
role-partner-name = Socio
role-school_admin-name = Administración de la escuela
role-district_admin-name = Administración del distrito
role-instance_admin-name = Administración de la instancia

grade-n = Grado { $grade }

home-student-explore = Explorar carreras
home-student-explore-text = Cuenta lo que te gusta hacer y mira los grupos de carreras y los empleos a los que apunta.
home-student-profiler = Perfil de intereses
home-student-profiler-text = Responde 60 preguntas rápidas para descubrir qué tipos de trabajo van contigo.
home-student-record = Mi expediente
home-student-record-text = Tu escuela, tus clases y tu consejero o consejera.
home-access-log = Quién vio mi expediente
home-access-log-text = Cada vez que alguien del personal abrió tu expediente.
home-guardian-children = Tus estudiantes
home-guardian-none = Todavía no hay estudiantes vinculados a tu cuenta. Pide a tu escuela que los vincule.
home-teacher-classes = Tus clases
home-teacher-none = Todavía no tienes clases.
home-counselor-caseload = Tus estudiantes asignados
home-counselor-count = { $count ->
    [one] { $shown } estudiante
   *[other] { $shown } estudiantes
}
home-counselor-first = aquí aparecen los primeros { $shown } por apellido
home-partner-org = Representas a { $organization }.
home-partner-clusters-text = Los 14 grupos de carreras que exploran los estudiantes.
home-partner-occupations-text = Ocupaciones, sus tareas y su salario.
home-admin-schools = Escuelas
home-admin-students = Estudiantes
home-admin-teachers = Docentes
home-admin-classes = Clases

account-title = Mi cuenta
account-role = Función
account-sessions = Dispositivos con sesión iniciada
account-sessions-text = ¿Perdiste un teléfono o iniciaste sesión en una computadora compartida? Cierra sesión en todas partes; necesitarás tu contraseña de nuevo en cada dispositivo.
account-sign-out-everywhere = Cerrar sesión en todas partes
account-password = Contraseña
account-password-link = Cambiar tu contraseña por correo electrónico

student-name = Nombre
student-grade = Grado
student-school = Escuela
student-counselors = Consejería
student-classes = Clases
student-guardians = Madres, padres y tutores
student-none = Nada todavía.
student-access-log-link = Quién vio este expediente

class-title = Clase
class-course = Curso
class-period = Periodo
class-teachers = Docentes
class-students = Estudiantes
class-roster = { $count ->
    [one] { $shown } estudiante
   *[other] { $shown } estudiantes
}

access-log-title = Quién vio el expediente de { $name }
access-log-intro = Cada vez que un docente, consejero o administrador abre este expediente, queda anotado aquí.
access-log-empty = Nadie del personal ha visto este expediente todavía.
access-log-back = Volver al expediente

audit-title = Registro de auditoría
audit-intro = Inicios de sesión, cada vez que el personal ve el expediente de un estudiante, y cada cambio y exportación en tu distrito.
audit-person = Persona (nombre o correo de quien actuó, o del estudiante)
audit-action = Acción
audit-any-action = Cualquier acción
audit-from = Desde
audit-to = Hasta
audit-search = Buscar
audit-count = { $count ->
    [one] { $shown } entrada
   *[other] { $shown } entradas
}
audit-pages = Páginas del registro de auditoría
audit-when = Cuándo
audit-who = Quién
audit-student = Estudiante
audit-what = Qué
audit-from-where = Desde dónde
audit-nobody = Sin sesión iniciada
audit-action-sign_in-name = Inició sesión
audit-action-sign_in_failed-name = Inicio de sesión fallido
audit-action-sign_out-name = Cerró sesión
audit-action-sign_out_everywhere-name = Cerró sesión en todas partes
audit-action-password_reset_requested-name = Pidió restablecer la contraseña
audit-action-password_reset-name = Restableció la contraseña
audit-action-view_student-name = Vio el expediente de un estudiante
audit-action-view_class-name = Vio la lista de una clase
audit-action-change-name = Cambió
audit-action-export-name = Exportó
audit-action-import-name = Importó

error-sign-in-title = Inicia sesión
error-sign-in = Inicia sesión para ver esta página.
error-denied-title = No disponible para ti
error-denied = Tu cuenta no tiene acceso a esta página. Si crees que debería tenerlo, pregunta a la persona que administra Pathways en tu escuela.
error-too-many-title = Demasiados intentos
error-too-many = Espera unos minutos e inténtalo de nuevo.
error-field-date = Escribe la fecha como año-mes-día, por ejemplo 2026-09-01.
error-field-action = Elige una acción de la lista.

## Administración: importación del padrón y tokens de la API
roster-title = Importación del padrón
roster-intro = Sube el conjunto CSV OneRoster 1.1 o 1.2 de tu distrito como archivo zip. Primero se revisa cada archivo; si algo está mal, no se escribe nada y el informe dice qué corregir. Importar el mismo conjunto otra vez no cambia nada.
roster-file = Conjunto OneRoster (.zip)
roster-file-hint = El zip que exporta tu sistema de información estudiantil: manifest.csv, orgs.csv, users.csv, classes.csv, enrollments.csv y los demás.
roster-dry-run = Solo revisar el conjunto; no escribir nada
roster-submit = Subir e importar
roster-choose-file = Primero elige el archivo zip de tu conjunto OneRoster.
roster-report = Informe de importación
roster-status-imported = Importado. Los números de abajo dicen qué cambió.
roster-status-valid = El conjunto es válido y se importaría. No se escribió nada, porque elegiste solo revisarlo.
roster-status-rejected = Rechazado: no se escribió nada. Corrige los problemas de abajo en tu sistema de información estudiantil y vuelve a subir el conjunto.
roster-counts = Filas por archivo
roster-col-file = Archivo
roster-col-read = Leídas
roster-col-imported = Importadas
roster-col-skipped = Omitidas
roster-col-line = Línea
roster-col-column = Columna
roster-col-message = Qué está mal y qué hacer
roster-errors = Problemas que detienen la importación
roster-warnings = Advertencias
roster-more = { $count } filas más como esta
roster-api-hint = Tu sistema de información estudiantil puede enviar el mismo conjunto cada noche con un token de la API:
error-field-upload = No se pudo leer el archivo subido.
tokens-title = Tokens de la API
tokens-intro = Los tokens permiten que los sistemas de tu distrito usen Pathways: por ejemplo, que tu sistema de información estudiantil envíe el padrón cada noche. Cada token sirve solo para tu distrito y solo para los permisos que le des. Revoca un token en cuanto ya no se necesite.
tokens-list = Los tokens de tu distrito
tokens-none = Tu distrito todavía no tiene tokens de la API.
tokens-name = Nombre
tokens-name-hint = Di qué lo usa, por ejemplo "Padrón nocturno del SIS".
tokens-scopes = Permisos
tokens-scope-roster-read-help = leer el padrón del distrito (personas, escuelas, grados)
tokens-scope-roster-import-help = importar conjuntos OneRoster al distrito
tokens-ends-with = Termina en
tokens-created-at = Creado
tokens-last-used = Último uso
tokens-never = nunca
tokens-state = Estado
tokens-revoked = Revocado
tokens-revoke = Revocar
tokens-revoke-named = Revocar el token { $name }
tokens-new = Crear un token
tokens-create = Crear token
tokens-created = Token "{ $name }" creado
tokens-created-once = Cópialo ahora y guárdalo en un lugar seguro: solo se muestra esta vez. Pathways guarda solo una huella de él.
tokens-name-needed = Dale al token un nombre de hasta 100 caracteres.
tokens-scope-needed = Elige al menos un permiso.
tokens-usage = Los sistemas envían el token en un encabezado:
tokens-api-docs = Referencia de la API

## Planes individuales de aprendizaje
home-student-plan = Mi plan
home-student-plan-text = Las carreras que te interesan, tus metas y cómo las vas a lograr.
home-plan-of = Plan
plan-title = Plan de { $name }
plan-intro-self = Tu plan une lo que exploras con lo que haces. Agrega las carreras que te dan curiosidad y ponte metas que puedas medir. Tu consejero lo ve y puede ayudarte.
plan-intro-staff = El plan individual de aprendizaje del estudiante: intereses profesionales, metas y cada cambio.
plan-interests = Intereses profesionales
plan-interests-none = Todavía no hay intereses profesionales. Explora carreras y agrega las que te gusten.
plan-interests-none-other = Todavía no eligió intereses profesionales.
plan-add-interest = Agregar un clúster o subclúster
plan-whole-cluster = todo el clúster
plan-add = Agregar al plan
plan-remove = Quitar
plan-remove-named = Quitar { $name } del plan
plan-kind-cluster-name = Clúster
plan-kind-subcluster-name = Subclúster
plan-kind-occupation-name = Ocupación
plan-goals = Metas
plan-goals-none = Todavía no hay metas.
plan-new-goal = Nueva meta
plan-add-goal = Agregar la meta
plan-edit-goal = Editar "{ $title }"
plan-save = Guardar
plan-goal-title = Meta
plan-goal-benchmark = Cómo sabrás que la lograste
plan-goal-benchmark-hint = Algo que puedas medir, por ejemplo "una B o más en Biología" o "20 horas de voluntariado para mayo".
plan-goal-kind = Tipo de meta
plan-goal-status = Estado
plan-goal-date = Fecha meta (opcional)
plan-goal-by = para el
goal-kind-academic-name = Académica
goal-kind-career-name = Profesional
goal-kind-personal-name = Personal
goal-status-not_started-name = Sin empezar
goal-status-in_progress-name = En progreso
goal-status-done-name = Lograda
plan-history = Historial de cambios
plan-history-none = Todavía no hay cambios.
plan-conflict-heading = Otra persona cambió esta parte del plan mientras la editabas
plan-conflict-explain = Tus cambios todavía no se guardaron. Compara las dos versiones: conserva la tuya para guardarla sobre la otra, o conserva la guardada.
plan-conflict-saved = Guardada por otra persona
plan-conflict-yours = Tu versión
plan-conflict-keep-mine = Guardar mi versión
plan-conflict-keep-saved = Conservar la versión guardada
plan-add-to-mine = Agregar a mi plan
plan-change-interest_added = agregó el interés { $what }
plan-change-interest_removed = quitó el interés { $what }
plan-change-goal_added = agregó la meta "{ $what }"
plan-change-goal_changed = cambió la meta "{ $what }"
plan-notes = Notas de reuniones y comentarios
plan-notes-intro = Las notas privadas solo las leen los consejeros del estudiante. Las notas compartidas también las leen el estudiante y sus tutores. Los maestros no leen ninguna.
plan-notes-none = Todavía no hay notas de reuniones.
plan-note-shared = Compartida con el estudiante y sus tutores
plan-note-private = Privada para los consejeros
plan-note-body = Nota de la reunión
plan-note-share = Compartir esta nota con el estudiante y sus tutores
plan-add-note = Agregar la nota
plan-signoffs = Firmas de { $year }
plan-signoffs-intro = Cada año escolar el estudiante, un tutor y un consejero revisan el plan y lo firman.
plan-signoffs-none = Nadie ha firmado todavía el plan de este año.
plan-sign = Firmar el plan de { $year }
plan-signer-student-name = Estudiante
plan-signer-guardian-name = Madre, padre o tutor
plan-signer-counselor-name = Consejero o consejera
plan-steps = Próximos pasos
plan-steps-none = Todavía no hay próximos pasos.
plan-step-owner = Quién lo hace
plan-step-owner-student-name = Estudiante
plan-step-owner-guardian-name = Madre, padre o tutor
plan-step-owner-counselor-name = Consejero o consejera
plan-step-owner-teacher-name = Maestro o maestra
plan-step-due = para el
plan-step-overdue = atrasado
plan-step-done = hecho
plan-step-mark-done = Marcar como hecho
plan-step-mark-done-named = Marcar "{ $title }" como hecho
plan-new-step = Nuevo próximo paso
plan-step-title = Próximo paso
plan-step-due-label = Fecha límite (opcional)
plan-add-step = Agregar el paso
home-steps = Tus próximos pasos
home-steps-on-plan = en el plan de { $name }
caseload-title = Mis estudiantes asignados
caseload-count = { $count ->
    [one] { $shown } estudiante asignado
   *[other] { $shown } estudiantes asignados
}
caseload-queue = Quién te necesita primero
caseload-rules = Los estudiantes se ordenan por estas reglas, con más puntos primero; las razones aparecen junto a cada estudiante.
caseload-rule-overdue-steps = Próximos pasos atrasados: 3 puntos cada uno
caseload-rule-no-cluster = Ningún clúster o subclúster elegido: 2 puntos
caseload-rule-no-recent-meeting = Ninguna nota de reunión en los últimos { $days } días: 2 puntos
caseload-rule-not-signed-off = Plan sin las firmas de { $year } del estudiante, un tutor y un consejero: 1 punto
caseload-queue-empty = Nadie te necesita ahora: todos los planes van bien.
caseload-all = Todos tus estudiantes
caseload-any = Cualquiera
caseload-need = Necesidad
caseload-needs = Por qué
caseload-filter = Filtrar
caseload-shown = { $count ->
    [one] Se muestra { $shown } estudiante
   *[other] Se muestran { $shown } estudiantes
}
caseload-last-meeting = Última reunión
caseload-never = nunca
caseload-need-overdue-steps-name = Pasos atrasados
caseload-need-no-cluster-name = Sin clúster elegido
caseload-need-no-recent-meeting-name = Sin reunión reciente
caseload-need-not-signed-off-name = Faltan firmas este año
home-counselor-workspace = Abrir mis estudiantes: quién me necesita primero
caseload-group = Asignar un próximo paso a un grado
caseload-group-intro = El paso se agrega al plan de cada estudiante de ese grado entre tus asignados, y a la página de inicio de cada responsable.
caseload-group-submit = Asignar a todo el grado
plan-comment-body = Tu comentario
plan-comment-hint = Lo leen el estudiante, sus tutores y sus consejeros.
plan-add-comment = Agregar el comentario

plan-contents = En esta página
plan-signoffs-short = Firmas
plan-activities = Actividades y aprendizaje basado en el trabajo
plan-activities-intro = Los clubes, los deportes, las artes, el voluntariado y los empleos cuentan tanto como los cursos. Etiqueta cada uno con los grupos profesionales con que se relaciona y las Prácticas de Preparación Profesional que muestra.
plan-activities-other = Clubes, deportes, artes, voluntariado y empleos
plan-activities-none = Todavía no hay actividades.
plan-work-based = Aprendizaje basado en el trabajo
plan-work-based-none = Todavía no hay observaciones de un puesto, pasantías ni aprendizajes de oficio.
plan-new-activity = Agregar una actividad o aprendizaje basado en el trabajo
plan-add-activity = Agregar la actividad
plan-edit-activity = Editar «{ $title }»
plan-activity-title = Qué hiciste
plan-activity-kind = Tipo de actividad
plan-activity-organization = Dónde o con quién (opcional)
plan-activity-description = Qué hiciste y aprendiste (opcional)
plan-activity-started = Empezó (opcional)
plan-activity-ended = Terminó (opcional)
plan-activity-hours = Horas en total (opcional)
plan-activity-hours-n = { $count ->
    [one] { $shown } hora
   *[other] { $shown } horas
}
plan-tags = Etiquetas
plan-tag-clusters = Grupos profesionales con que se relaciona
plan-tag-practices = Prácticas de Preparación Profesional que muestra
activity-kind-club-name = Club
activity-kind-sport-name = Deporte
activity-kind-arts-name = Artes
activity-kind-volunteer-name = Voluntariado
activity-kind-job-name = Empleo
activity-kind-job_shadow-name = Observación de un puesto
activity-kind-internship-name = Pasantía
activity-kind-apprenticeship-name = Aprendizaje de oficio
activity-kind-other-name = Otra
plan-practices = Prácticas de Preparación Profesional
plan-practices-progress = Evidencia de { $count } de las { $total } prácticas.
plan-practice = Práctica
plan-practice-evidence = Evidencia
plan-practice-no-evidence = Todavía ninguna
plan-reflections = Reflexiones
plan-reflections-none = Todavía no hay reflexiones.
plan-reflection-of = Reflexión del { $date }
plan-new-reflection = Escribir una reflexión
plan-reflection-prompt = Pregunta
plan-reflection-body = Tu reflexión
plan-reflection-practices = Prácticas de Preparación Profesional que muestra (opcional)
plan-add-reflection = Guardar la reflexión
reflection-prompt-enjoy-text = ¿Qué disfrutaste hacer últimamente, en la escuela o fuera de ella? ¿Qué dice sobre el trabajo que te podría gustar?
reflection-prompt-helped-text = Piensa en una vez que ayudaste a alguien. ¿Qué hiciste y cómo te sentiste?
reflection-prompt-explored-text = ¿Qué profesión exploraste? ¿Qué te sorprendió de ella?
reflection-prompt-course-text = ¿Qué curso de este año se relaciona más con una profesión que consideras, y cómo?
reflection-prompt-teamwork-text = ¿Qué te enseñó una actividad fuera de clase sobre trabajar con otras personas?
reflection-prompt-challenge-text = Describe un desafío que enfrentaste. ¿Qué harías diferente la próxima vez?
reflection-prompt-work-based-text = ¿Qué te mostró tu aprendizaje basado en el trabajo sobre el lugar de trabajo y sobre ti?
reflection-prompt-after-school-text = ¿Cómo se relaciona tu plan después de la preparatoria con tus intereses profesionales? ¿Qué podría cambiarlo?
reflection-prompt-practice-text = ¿En qué Práctica de Preparación Profesional has crecido más? Da un ejemplo.
reflection-prompt-free-text = Cualquier otra cosa que pienses sobre tu futuro
plan-postsecondary = Después de la preparatoria
plan-edit-postsecondary = Cambiar el plan para después de la preparatoria
plan-postsecondary-path = Camino
plan-postsecondary-details = Por qué este camino y qué se necesita
plan-postsecondary-hint = Por ejemplo, los programas, escuelas, empleadores o ramas que estás considerando. Agrega los próximos pasos en Próximos pasos.
postsecondary-path-undecided-name = Todavía sin decidir
postsecondary-path-workforce-name = Directo al trabajo
postsecondary-path-military-name = Servicio militar
postsecondary-path-certificate-name = Certificado o programa de aprendizaje de oficio
postsecondary-path-two_year-name = Colegio comunitario de dos años
postsecondary-path-four_year-name = Universidad de cuatro años
plan-change-activity_added = agregó la actividad «{ $what }»
plan-change-activity_changed = cambió la actividad «{ $what }»
plan-change-activity_removed = quitó la actividad «{ $what }»
plan-change-reflection_added = escribió una reflexión: { $what }
plan-change-postsecondary_changed = eligió como plan después de la preparatoria: { $what }
plan-portable = Llevar el plan contigo
plan-export-json = Descargar el plan completo (JSON, formato abierto)
plan-import-file = Archivo de plan de otra escuela
plan-import-hint = Un plan exportado de Pathways (.json). Lo que contiene se agrega a este plan; no se quita nada.
plan-import-button = Agregar el archivo de plan
plan-import-title = Archivo de plan agregado
plan-import-imported = Agregado al plan
plan-import-not-mapped = Omitido o adaptado
plan-import-all-mapped = Todo lo del archivo corresponde al plan de este distrito.
plan-import-back = Volver al plan
plan-import-interests = { $count ->
    [one] { $count } interés profesional
   *[other] { $count } intereses profesionales
}
plan-import-goals = { $count ->
    [one] { $count } meta
   *[other] { $count } metas
}
plan-import-activities = { $count ->
    [one] { $count } actividad
   *[other] { $count } actividades
}
plan-import-reflections = { $count ->
    [one] { $count } reflexión
   *[other] { $count } reflexiones
}
plan-import-postsecondary = { $count ->
    [one] El plan para después de la preparatoria
   *[other] Ningún plan para después de la preparatoria (el archivo no tiene)
}
plan-import-interest-unknown = { $item }: «{ $what }» no está en este catálogo, así que se omitió.
plan-import-tag-dropped = { $item }: la etiqueta «{ $what }» no es un grupo profesional ni una práctica aquí, así que se omitió.
plan-import-prompt-unknown = { $item }: la pregunta «{ $what }» no se ofrece aquí; la reflexión se guardó como reflexión libre.
plan-import-postsecondary-kept = El plan ya tenía un plan para después de la preparatoria; se conservó y se omitió el del archivo.
plan-import-signoffs-left = { $count ->
    [one] { $count } firma de la otra escuela queda en sus registros; las firmas aquí empiezan de nuevo.
   *[other] { $count } firmas de la otra escuela quedan en sus registros; las firmas aquí empiezan de nuevo.
}
plan-export-pdf = Imprimir el plan (PDF)
plan-pdf-as-of = Al { $date }
plan-signoffs-none-ever = Todavía sin firmas.
plan-diff-none = nada
caseload-export = Descargar esta lista (CSV)
plan-resume = Currículum a partir del plan
resume-title = Currículum de { $name }
resume-print-hint = Imprime esta página, o guárdala como PDF, desde el menú Imprimir de tu navegador.
resume-interests = Intereses profesionales
resume-experience = Experiencia laboral
resume-activities = Actividades y servicio
resume-skills = Prácticas de Preparación Profesional demostradas
resume-goals = Metas logradas
resume-none-yet = Todavía ninguna.

plan-courses = Plan de cursos
plan-courses-rule = Los cursos desde el grado 9 suman créditos para los { $total } créditos necesarios para graduarse. Ir al día significa obtener cerca de una cuarta parte cada año de la preparatoria, con un plan que cumpla cada requisito.
plan-courses-warnings = Revisión de créditos
plan-courses-on-track = Al día para graduarse
plan-credits-caption = Créditos para la graduación
plan-credits-area = Área
plan-credits-required = Requeridos
plan-credits-earned = Obtenidos
plan-credits-planned = En el plan
plan-credits-missing = Por planear
area-english-name = Inglés
area-math-name = Matemáticas
area-science-name = Ciencias
area-social_studies-name = Estudios sociales
area-arts-name = Artes
area-world_language-name = Idiomas
area-health_pe-name = Salud y educación física
area-cte-name = Educación técnica y profesional
area-elective-name = Optativas
area-total-name = Todos los créditos
plan-courses-grade-credits = { $count ->
    [one] { $credits } crédito
   *[other] { $credits } créditos
}
plan-courses-none = Aún no hay cursos en este grado.
plan-course = Curso
plan-course-credits = Créditos
plan-course-credits-n = { $credits } cr.
plan-course-status = Estado
plan-course-grade = Grado
plan-course-connections = Conexiones con carreras
plan-course-change = Cambiar
plan-course-change-named = Cambiar { $course }
plan-course-in-interests = En tus intereses
course-status-planned-name = Planeado
course-status-in_progress-name = En curso
course-status-completed-name = Aprobado
course-status-not_passed-name = No aprobado
plan-new-course = Agregar un curso
plan-course-choose = Elige un curso
plan-add-course = Agregar el curso
plan-courses-behind = { $earned } créditos obtenidos; se esperan { $expected } al comenzar el grado { $grade }.
plan-courses-short = { $area }: { $planned } de { $required } créditos en el plan; planea { $missing } más.

plan-checklist = Lista del plan
plan-checklist-intro = Lo que el distrito pide que contenga el plan de cada grado. Tú eliges cómo cumplir cada punto.
plan-checklist-grade = Grado { $grade }
plan-checklist-met = { $met }
plan-checklist-of = de { $total } hechos
plan-checklist-done = Hecho
plan-checklist-progress = { $have }
plan-checklist-none = La plantilla del distrito no pide nada para este grado.
plan-checklist-all-grades = Todos los grados
plan-checklist-by-grade = La lista grado por grado
plan-checklist-grade-col = Grado
plan-checklist-year = Año escolar
plan-checklist-complete = Hechos
plan-checklist-open = Pendiente
element-interests = { $count ->
    [one] Elige un interés profesional
   *[other] Elige { $count } intereses profesionales
}
element-goals = { $count ->
    [one] Fija una meta con un indicador
   *[other] Fija { $count } metas con indicadores
}
element-activities = { $count ->
    [one] Registra una actividad
   *[other] Registra { $count } actividades
}
element-reflections = { $count ->
    [one] Escribe una reflexión
   *[other] Escribe { $count } reflexiones
}
element-courses = { $count ->
    [one] Planea un curso para este grado o después
   *[other] Planea { $count } cursos para este grado o después
}
element-graduation = Planea cursos que cumplan cada requisito de graduación
element-postsecondary = Elige un camino después de la preparatoria
element-meeting = { $count ->
    [one] Reúnete con un consejero este año escolar
   *[other] Reúnete con un consejero { $count } veces este año escolar
}
element-signoff = Firma este año escolar: { $signers }
element-options = { $element }, cualquiera de: { $options }
element-kind-interests-name = Intereses profesionales
element-kind-goals-name = Metas
element-kind-activities-name = Actividades
element-kind-reflections-name = Reflexiones
element-kind-courses-name = Cursos planeados
element-kind-graduation-name = Plan de cursos que cumple la graduación
element-kind-postsecondary-name = Camino después de la secundaria
element-kind-signoff-name = Firmas
element-kind-meeting-name = Reuniones con el consejero

requirements-title = Requisitos del plan
requirements-intro = Lo que el distrito exige del plan de cada estudiante: los créditos para graduarse y lo que contiene el plan de cada grado. Los estudiantes eligen cómo cumplir cada punto.
requirements-completeness = Avance por grado
requirements-completeness-caption = Cuán completos están los planes para el grado actual de cada estudiante
requirements-no-students = Aún no hay estudiantes.
requirements-students = Estudiantes
requirements-complete = Planes completos
requirements-mean = Avance promedio
requirements-template = Plantilla del plan
requirements-template-now = La plantilla partió de: { $preset }.
requirements-template-intro = Parte de la plantilla de un estado y luego agrega o quita puntos. Cambiar la plantilla cambia la lista de todos los planes a la vez.
requirements-preset = Plantilla de partida
requirements-preset-hint = Empezar de nuevo reemplaza todos los puntos de abajo.
requirements-preset-use = Empezar de nuevo con esta plantilla
preset-standard-name = Plan estándar de Pathways
preset-wa-hsbp-name = High School and Beyond Plan de Washington
preset-co-icap-name = Plan Individual de Carrera y Estudios de Colorado (ICAP)
preset-ks-ips-name = Plan Individual de Estudios de Kansas (IPS)
requirements-elements = Puntos requeridos por grado
requirements-element = Punto
requirements-remove-named = Quitar «{ $element }»
requirements-new-element = Agregar un punto
requirements-element-kind = Lo que debe contener el plan
requirements-element-count = Cuántos
requirements-element-options = Opciones de { $kind } (ninguna marcada: cualquiera)
requirements-add-element = Agregar el punto
requirements-credits = Créditos para graduarse
requirements-credits-intro = Los créditos que requiere cada área y todos juntos (por ejemplo 4 o 1,5). Cada curso cae en un área según su materia.
requirements-credits-save = Guardar los créditos
caseload-need-off-track-name = Atrasado en créditos
caseload-need-plan-incomplete-name = Plan incompleto para su grado
caseload-rule-off-track = Atrasado en los créditos para graduarse a tiempo, o un estudiante de último año cuyo plan no cumple un requisito: 3 puntos
caseload-rule-plan-incomplete = La lista del plan para su grado no está completa: 1 punto
caseload-completeness = Plan
plan-change-course_added = agregó el curso «{ $what }»
plan-change-course_changed = cambió el curso «{ $what }»
plan-change-course_removed = quitó el curso «{ $what }»
plan-import-courses = { $count ->
    [one] 1 curso
   *[other] { $count } cursos
}
plan-import-course-unknown = { $item }: «{ $what }» no está en el catálogo de cursos de este distrito, así que no se agregó; agrega aquí el curso equivalente.
requirements-template-changed = La plantilla partió de: { $preset }, y el distrito la cambió después.
requirements-grade-free = Nada requerido en este grado
tokens-scope-reports-read-help = leer los informes del distrito (equidad de acceso en cifras suprimidas, nunca el expediente de un estudiante)

## El expediente completo de un estudiante: el derecho de la familia a verlo y borrarlo
audit-action-anonymize-name = Anonimizó el expediente de un estudiante
records-link = Expediente completo: descargar o anonimizar
records-title = Todo lo que se guarda sobre { $name }
records-intro = Cada parte del expediente de este estudiante que guarda Pathways, para atender la solicitud de una familia de verlo o de borrarlo. Cada descarga y cada anonimización queda en el registro de auditoría.
records-held = Lo que se guarda, parte por parte
records-part = Parte del expediente
records-rows = Entradas
records-none = No se guarda nada.
records-download = Descargar el expediente
records-download-text = El archivo JSON contiene cada entrada tal como se guarda; el PDF es el mismo expediente presentado para entregarlo a la familia.
records-download-json = Descargar en JSON
records-download-pdf = Descargar en PDF
records-pdf-made = Generado el { $at }
records-pdf-intro = Este documento enumera todo lo que Pathways guarda sobre este estudiante, parte por parte. Se omiten los identificadores internos; la descarga en JSON los incluye.
records-anonymize = Anonimizar este expediente
records-anonymize-text = Esto borra el plan, las notas, las reflexiones, los intereses, las solicitudes, las horas, las evaluaciones, los datos demográficos y las clases, y quita de la cuenta el nombre, el correo, el identificador del registro escolar y la contraseña. No se puede deshacer. El registro de auditoría conserva sus entradas, que ya no nombran a nadie.
records-reason = Motivo o referencia de la solicitud (opcional)
records-confirm = Para confirmar, escriba el nombre del estudiante: { $name }
records-confirm-mismatch = No se cambió nada: escriba el nombre del estudiante tal como aparece ({ $name }) para confirmar.
records-anonymize-button = Anonimizar el expediente
records-anonymized-on = Este expediente se anonimizó el { $at }.
records-part-users = Cuenta y escuela
records-part-student_attributes = Datos demográficos y programas
records-part-guardianships = Tutores
records-part-caseloads = Consejeros
records-part-enrollments = Clases
records-part-plan_interests = Plan: intereses profesionales
records-part-plan_goals = Plan: metas
records-part-plan_activities = Plan: actividades
records-part-plan_courses = Plan: cursos
records-part-plan_postsecondary = Plan: después de la preparatoria
records-part-plan_reflections = Plan: reflexiones
records-part-plan_notes = Plan: notas y comentarios
records-part-plan_steps = Plan: próximos pasos
records-part-plan_signoffs = Plan: firmas
records-part-plan_tags = Plan: etiquetas
records-part-plan_changes = Plan: historial de cambios
records-part-profiler_results = Resultados del Perfil de Intereses
records-part-exposures = Experiencias profesionales
records-part-applications = Aprendizaje en el trabajo: solicitudes
records-part-application_events = Aprendizaje en el trabajo: historial de solicitudes
records-part-application_checks = Aprendizaje en el trabajo: lista de aprobación
records-part-consents = Aprendizaje en el trabajo: consentimiento del tutor
records-part-hour_entries = Aprendizaje en el trabajo: horas
records-part-hour_entry_changes = Aprendizaje en el trabajo: historial de horas
records-part-evaluations = Aprendizaje en el trabajo: evaluaciones
records-part-evaluation_ratings = Aprendizaje en el trabajo: calificaciones de las evaluaciones
records-part-audit_log = Registro de auditoría: quién vio, cambió o exportó el expediente
retention-title = Conservación de expedientes
retention-intro = Cuánto tiempo conserva el distrito los expedientes de los estudiantes que dejaron su registro escolar (graduados, trasladados, dados de baja). Pasado ese plazo, sus expedientes se anonimizan: con `pathways retention apply` cada día, o aquí.
retention-period = Plazo
retention-none = Sin plazo: los expedientes se conservan hasta que un administrador los anonimice
retention-months = { $count ->
    [one] { $shown } mes después de que el estudiante se va
   *[other] { $shown } meses después de que el estudiante se va
}
retention-left = Estudiantes que se fueron, sin anonimizar
retention-due = De ellos, con el plazo vencido
retention-set = Fijar el plazo
retention-months-label = Meses que se conserva un expediente después de que el estudiante se va
retention-months-hint = Un número entero de 1 a 240; déjelo en blanco para conservar los expedientes hasta que un administrador los anonimice.
retention-months-invalid = El plazo debe ser un número entero de meses de 1 a { $max }, o quedar en blanco.
retention-save = Guardar el plazo
retention-apply = Anonimizar ahora
retention-apply-text = Se anonimizan los expedientes de los estudiantes con el plazo vencido, cada uno con una entrada en el registro de auditoría. No se puede deshacer.
retention-apply-button = { $count ->
    [one] Anonimizar { $shown } expediente
   *[other] Anonimizar { $shown } expedientes
}
retention-done = { $count ->
    [one] { $shown } expediente anonimizado.
   *[other] { $shown } expedientes anonimizados.
}
records-withheld = { $count ->
    [one] Una nota privada del consejero no se muestra ni se exporta: las notas privadas de reunión solo las leen los consejeros del estudiante, a quienes se les pueden pedir. Anonimizar la borra.
   *[other] { $count } notas privadas del consejero no se muestran ni se exportan: las notas privadas de reunión solo las leen los consejeros del estudiante, a quienes se les pueden pedir. Anonimizar las borra.
}
