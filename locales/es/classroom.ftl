home-library = Clases que abren carreras
home-library-text = Encuentre clases y prácticas que compartieron sus colegas, reciba conexiones con carreras para la próxima unidad que enseñe y registre a qué grupos llegó una clase.

library-title = Biblioteca de clases
library-lead = Clases y unidades conectadas con carreras, y prácticas que comparten consejeros y administradores. Adapte cualquiera a sus grupos.
library-suggest-link = Sugerir carreras para una unidad
library-new-lesson = Compartir una clase
library-new-practice = Compartir una práctica
library-search = Buscar en la biblioteca
library-text = Palabras
library-grade = Grado
library-cluster = Grupo de carreras
library-kind = Clases o prácticas
library-any = Cualquiera
library-search-button = Buscar
library-featured = Destacadas por el distrito
library-results = { $count ->
    [one] { $shown } resultado
   *[other] { $shown } resultados
}
library-all = { $count ->
    [one] { $shown } clase o práctica que usted puede ver
   *[other] { $shown } clases y prácticas que usted puede ver
}
library-none = Nada coincide. Pruebe con menos palabras u otro grado.
library-pages = Páginas de la biblioteca

lesson-subject = Materia
lesson-grades = Grados { $band }
lesson-grade-band = Grados
lesson-kind = Tipo
lesson-kind-lesson-name = Clase
lesson-kind-practice-name = Práctica
lesson-featured = Destacada
lesson-adapted = Adaptada
lesson-activity-type = Actividad
lesson-activity-project-name = Proyecto
lesson-activity-interdisciplinary_project-name = Proyecto interdisciplinario
lesson-activity-guest_speaker-name = Orador invitado
lesson-activity-field_trip-name = Excursión
lesson-activity-simulation-name = Simulación
lesson-activity-discussion-name = Debate
lesson-visibility = Quién la puede ver
lesson-visibility-private-name = Privada
lesson-visibility-school-name = Su escuela
lesson-visibility-district-name = El distrito
lesson-visibility-everyone-name = Todos los distritos
lesson-visibility-private-choice = Solo yo y los coautores
lesson-visibility-school-choice = El personal de mi escuela
lesson-visibility-district-choice = El personal de mi distrito
lesson-visibility-everyone-choice = El personal de todos los distritos de este Pathways
lesson-uses = { $count ->
    [0] Nadie la ha usado todavía
    [one] La usó { $shown } persona
   *[other] La usaron { $shown } personas
}
lesson-authors = De
lesson-updated = Último cambio
lesson-used-by = Uso
lesson-adapted-from = Adaptada de
lesson-deleted = eliminada
lesson-by = de { $name }
lesson-careers = Conexiones con carreras
lesson-no-careers = Todavía no tiene conexiones con carreras.
lesson-clusters = Grupos de carreras
lesson-subclusters = Subgrupos
lesson-occupations = Ocupaciones
lesson-practices = Prácticas de preparación profesional
lesson-body = La clase
lesson-body-practice = La práctica
lesson-standards = Estándares
lesson-links = Enlaces
lesson-actions = Úsela
lesson-edit = Editar
lesson-fork = Adaptar una copia
lesson-fork-hint = Adaptar crea una copia privada que usted puede cambiar y compartir; da crédito a la original y a sus autores.
lesson-mark-used = La usé
lesson-you-used = Usted la usó
lesson-feature = Destacar para el distrito
lesson-unfeature = Dejar de destacar
lesson-teach = Registrar que la enseñó
lesson-teach-hint = Cada estudiante inscrito en el grupo verá las carreras de esta clase en su plan.
lesson-teach-class = Grupo
lesson-teach-period = período { $period }
lesson-teach-students = { $count ->
    [one] { $shown } estudiante
   *[other] { $shown } estudiantes
}
lesson-teach-date = Fecha
lesson-teach-button = Registrar
lesson-teach-teacher = Docente
lesson-teach-reached = Estudiantes alcanzados
lesson-taught = Enseñada en este distrito
lesson-taught-notice = { $count ->
    [one] Registrado. { $count } estudiante ya ve las carreras de esta clase en su plan.
   *[other] Registrado. { $count } estudiantes ya ven las carreras de esta clase en sus planes.
}
lesson-forked-notice = Su copia está lista para adaptarla.
lesson-saved-notice = Guardado.
lesson-comments = { $count ->
    [0] Comentarios
    [one] { $shown } comentario
   *[other] { $shown } comentarios
}
lesson-comment = Su comentario
lesson-comment-button = Comentar
lesson-delete-heading = Eliminar
lesson-delete-hint = Al eliminarla sale de la biblioteca. Las copias adaptadas conservan su crédito y los estudiantes conservan las carreras que les mostró.
lesson-delete = Eliminar esta clase

lesson-new-title = Compartir una clase o práctica
lesson-edit-title = Editar la clase
lesson-conflict = Alguien guardó esta clase después de que usted la abrió. Lo que usted escribió está abajo; abra la clase en otra pestaña para ver la otra versión y vuelva a guardar.
lesson-errors = Algunos campos necesitan un cambio:
lesson-title = Título
lesson-grade-low = Desde el grado
lesson-grade-high = Hasta el grado
lesson-summary = Resumen en una oración
lesson-body-field = La clase (Markdown)
lesson-body-hint = Markdown: ## para títulos, 1. para pasos, **negrita**, [texto](https://…) para enlaces. Hasta 50.000 caracteres; el HTML se elimina.
lesson-tags-hint = Marque las carreras que la clase de verdad abre. Elegir un subgrupo marca también su grupo.
lesson-tags-suggest = Ver sugerencias para esta materia y título
lesson-whole-cluster = Todo el grupo
lesson-occupations-hint = Códigos O*NET-SOC separados por comas, por ejemplo 23-1011.00 para abogados.
lesson-sharing = Compartir
lesson-coauthors = Coautores
lesson-coauthors-hint = Correos de colegas del distrito que la escribieron con usted, separados por comas; también la pueden editar.
lesson-case-items = Enlaces a estándares CASE
lesson-case-hint = Direcciones web de los elementos CASE de los estándares que trabaja, una por línea.
lesson-links-hint = Direcciones web de recursos, una por línea.
lesson-save = Guardar

suggest-title = Carreras para una unidad
suggest-lead = Diga qué enseña y el tema de la unidad: Pathways sugiere las carreras que abre, con la razón, y clases que compartieron sus colegas.
suggest-subject-hint = Por ejemplo: Inglés 10, Álgebra I, Biología.
suggest-topic = Tema
suggest-topic-hint = Por ejemplo: Hamlet, crecimiento exponencial, células.
suggest-button = Sugerir
suggest-nothing = Nada en la materia o el tema apunta a carreras todavía. Pruebe a nombrar lo que hacen los estudiantes en la unidad.
suggest-subclusters = Subgrupos que abre
suggest-clusters = Grupos de carreras
suggest-occupations = Ocupaciones para mencionar
suggest-no-occupations = Ninguna ocupación destaca.
suggest-start-lesson = Empezar una clase con estas conexiones
suggest-lessons = Clases de la biblioteca
suggest-no-lessons = Ninguna clase que usted pueda ver tiene todavía estas carreras. Sea el primero en compartir una.
suggest-reason-kb = «{ $words }»: { $reason }
suggest-reason-includes = Por { $names }

plan-exposures = Carreras vistas en clase
plan-exposures-none = Ninguna clase ha conectado todavía un grupo con carreras.
plan-exposure-self = Exploraste { $careers } en { $course }
plan-exposure-other = Exploró { $careers } en { $course }

error-field-lesson-title = Póngale un título a la clase.
error-field-lesson-title-long = El título es demasiado largo: use hasta 200 caracteres.
error-field-lesson-subject = Diga para qué materia es.
error-field-lesson-subject-long = La materia es demasiado larga: use hasta 100 caracteres.
error-field-lesson-summary = Escriba un resumen de una oración.
error-field-lesson-summary-long = El resumen es demasiado largo: use hasta 500 caracteres.
error-field-lesson-body = Escriba la clase.
error-field-lesson-body-long = La clase es demasiado larga: use menos de 50.000 caracteres o enlace a materiales más largos.
error-field-lesson-standards = Escriba los estándares.
error-field-lesson-standards-long = Los estándares son demasiado largos: use hasta 2.000 caracteres.
error-field-lesson-kind = Elija clase o práctica.
error-field-lesson-activity-type = Elija el tipo de actividad.
error-field-lesson-visibility = Elija quién la puede ver.
error-field-lesson-grades = Elija grados del 6 al 12; el primero no puede ser mayor que el último.
error-field-lesson-links = Escriba cada enlace como una dirección web que empiece con https://, uno por línea.
error-field-lesson-links-many = Use hasta 10 enlaces.
error-field-lesson-tags-many = Use hasta 40 etiquetas: las carreras que la clase de verdad abre.
error-field-lesson-tag = Elija las etiquetas de las listas.
error-field-lesson-occupation = Escriba las ocupaciones como códigos O*NET-SOC del catálogo, como 23-1011.00.
error-field-lesson-coauthors = Escriba los coautores con el correo con que inician sesión; deben ser personal de este distrito.
error-field-lesson-version = Vuelva a cargar la clase y haga el cambio otra vez.
error-field-lesson-comment = Escriba un comentario de hasta 2.000 caracteres.
error-field-teach-class = Elija uno de los grupos que usted enseña.
error-field-taught-on = Indique la fecha en que la enseñó: hoy o antes, dentro de los últimos dos años.

class-interests = Intereses profesionales de este grupo
class-interests-hint = Grupos de carreras que los estudiantes eligieron en sus planes, directamente o por un subgrupo. Úselos para elegir clases y oradores.
class-interests-none = Ningún estudiante de este grupo ha elegido todavía un interés profesional.
class-interests-lessons = Clases
class-interests-find = Clases sobre { $cluster }
class-interests-undecided = { $count ->
    [0] Todos los estudiantes eligieron al menos un interés.
    [one] { $shown } estudiante todavía no ha elegido un interés.
   *[other] { $shown } estudiantes todavía no han elegido un interés.
}
class-student-interests = Intereses profesionales

speakers-title = Oradores invitados
speakers-none = No se ha pedido ningún orador para este grupo.
speakers-new = Pedir un orador invitado
speakers-subcluster = De qué carreras
speakers-from = Cualquier día desde
speakers-to = Hasta
speakers-note = Nota para el socio
speakers-note-hint = Qué estudia el grupo, cuánto puede durar la visita, qué quieren preguntar los estudiantes.
speakers-send = Enviar la solicitud
speakers-cancel = Cancelar la solicitud
speaker-status-open-name = Esperando a un socio
speaker-status-matched-name = Socio encontrado
speaker-status-cancelled-name = Cancelada
error-field-speaker-subcluster = Elija el subgrupo del que debe venir el orador.
error-field-speaker-window = Elija fechas desde hoy, la última no antes que la primera, dentro de un año.
error-field-speaker-note = Use hasta 1.000 caracteres en la nota.
speakers-partner = Socio
speakers-match = Enviar a este socio
speakers-no-match = Ningún socio del distrito tiene visitas de oradores disponibles en este campo este año. Los coordinadores del distrito pueden registrar los compromisos de un socio en su página.
speakers-match-subcluster = este campo
speakers-match-cluster = mismo grupo profesional
speakers-visits-left = { $count ->
    [one] queda 1 visita
   *[other] quedan { $shown } visitas
}
error-field-speaker-partner = Elija uno de los socios ofrecidos: los demás no tienen visitas de oradores disponibles en este campo este año.

plcs-title = Comunidades de aprendizaje
plcs-lead = Comunidades de aprendizaje profesional: colegas que comparten clases, las comentan, guardan notas de sus reuniones y planean proyectos entre materias.
plcs-none = Todavía no está en una comunidad de aprendizaje. Cree una y agregue colegas.
plcs-start = Crear una comunidad de aprendizaje
plcs-start-button = Crearla
plc-name = Nombre
plc-focus = Enfoque
plc-focus-hint = En qué trabaja el grupo, por ejemplo: conexiones con carreras en inglés e historia de 9.º grado.
plc-members-count = { $count ->
    [one] { $shown } miembro
   *[other] { $shown } miembros
}
plc-role-lead-name = Líder
plc-role-member-name = Miembro
plc-members = Miembros
plc-add-member = Agregar a un colega por correo
plc-add-member-button = Agregar
plc-lessons = Clases compartidas
plc-lessons-none = Todavía nadie ha compartido una clase con el grupo.
plc-shared-by = compartida por { $name }
plc-share-lesson = Compartir una de sus clases
plc-share-button = Compartir
plc-discussions = Conversaciones
plc-discussions-none = Todavía no hay conversaciones.
plc-new-thread = Iniciar una conversación
plc-post-title = Título
plc-post-body = Mensaje
plc-post-button = Publicar
plc-reply = Responder
plc-reply-button = Responder
plc-meetings = Notas de reuniones
plc-meetings-none = Todavía no hay notas de reuniones.
plc-new-meeting = Agregar notas de una reunión
plc-met-on = Día de la reunión
plc-meeting-body = Notas y acuerdos
plc-meeting-button = Guardar las notas
plc-board = Tablero de proyectos interdisciplinarios
plc-board-hint = Proyectos que abarcan varias materias, de la idea a terminado.
plc-board-empty = Nada aquí.
plc-card-idea-name = Idea
plc-card-planning-name = En planeación
plc-card-teaching-name = En clase
plc-card-done-name = Terminado
plc-move = Mover «{ $title }» a
plc-move-button = Mover
plc-new-card = Agregar un proyecto
plc-card-title = Proyecto
plc-card-subjects = Materias que abarca
plc-card-button = Agregarlo
error-field-plc-name = Nombre el grupo con hasta 120 caracteres.
error-field-plc-focus = Use hasta 500 caracteres en el enfoque.
error-field-plc-member = Escriba el correo con que inicia sesión un miembro del personal de este distrito.
error-field-plc-lesson = Elija una clase de la biblioteca que usted pueda ver.
error-field-plc-title = Escriba un título de hasta 200 caracteres.
error-field-plc-body = Escriba un mensaje de hasta 5.000 caracteres.
error-field-plc-met-on = Indique el día en que se reunieron: hoy o antes.
error-field-plc-subjects = Use hasta 200 caracteres en las materias.
error-field-plc-status = Elija idea, en planeación, en clase o terminado.
