## Diseño general
skip-to-content = Saltar al contenido principal
nav-label = Principal
nav-clusters = Clústeres
nav-occupations = Ocupaciones
nav-practices = Preparación profesional
nav-legacy = Marco anterior
nav-about = Acerca de
switch-language = Cambiar idioma
breadcrumb = Ruta de navegación
footer-attribution = Basado en el Marco Nacional de Career Clusters® (Advance CTE) y en O*NET 29.3 (USDOL/ETA, CC BY 4.0).
footer-about-link = Fuentes y créditos

## Palabras comunes
yes = Sí
no = No
verified = Verificado
unverified = Sin verificar
cross-cutting = Transversal
cross-cutting-explained = Los clústeres transversales (Tecnología digital, Gestión y emprendimiento, Mercadotecnia y ventas) importan en todas las industrias.
also-written = También escrito como
also-called = también llamado
english-name = Nombre en inglés
none-listed = Ninguno
not-available = No disponible
not-in-onet = sin perfil en O*NET
subcluster-count = { $count ->
    [one] { $shown } subclúster
   *[other] { $shown } subclústeres
}
occupation-count = { $count ->
    [one] { $shown } ocupación
   *[other] { $shown } ocupaciones
}
program-count = { $count ->
    [one] { $shown } programa
   *[other] { $shown } programas
}
soc-code-count = { $count ->
    [one] Vinculado a { $shown } código de ocupación SOC en la tabla de equivalencias oficial.
   *[other] Vinculado a { $shown } códigos de ocupación SOC en la tabla de equivalencias oficial.
}
pager-summary = Mostrando { $first }–{ $last } de { $total }
pager-previous = Anterior
pager-next = Siguiente

## Búsqueda
search-label = Buscar ocupaciones por nombre
search-hint = Prueba con un trabajo que conozcas, como “nurse” (enfermería), “welder” (soldadura) o “game designer” (diseño de videojuegos). Por ahora, los nombres están en inglés.
search-button = Buscar

## Inicio
home-title = Explora trayectorias profesionales
home-heading = ¿A dónde te pueden llevar tus intereses?
home-lead = Explora 14 clústeres de carreras, 72 subclústeres y más de mil ocupaciones: qué hace la gente, qué estudia y cuánto gana.
home-groupings-heading = Seis grupos de clústeres
home-groupings-intro = El Marco Nacional de Career Clusters® agrupa los clústeres relacionados. Elige el que más se parezca a ti. Los clústeres transversales importan en todas las industrias.
home-all-clusters = Ver todos los clústeres y subclústeres
home-numbers-heading = En este catálogo
home-practices-link = Prácticas para la preparación profesional
home-legacy-link = ¿Tu escuela todavía usa los 16 clústeres anteriores?
stat-groupings = Grupos de clústeres
stat-clusters = Clústeres de carreras
stat-subclusters = Subclústeres
stat-occupations = Ocupaciones
stat-programs = Programas de estudio (CIP)
stat-soc-links = Vínculos de ocupaciones con subclústeres
stat-tasks = Descripciones de tareas
stat-titles = Nombres de puestos
stat-projections = Proyecciones de empleo
stat-legacy-pathways = Trayectorias del marco anterior

## Clústeres
clusters-title = Clústeres de carreras (Career Clusters®)
clusters-lead = Los 14 Career Clusters en sus seis grupos. Cada clúster reúne subclústeres de ocupaciones y programas de estudio relacionados.
clusters-show-subclusters = Subclústeres de { $cluster }
cluster-grouping = Grupo
cluster-occupations = Ocupaciones
cluster-naics = Sectores industriales (NAICS)
cluster-legacy-heading = Del marco anterior de 16 clústeres
cluster-legacy-link = Cómo se corresponden los clústeres anteriores con los nuevos

## Subclústeres
subcluster-cluster = Clúster
subcluster-example-programs = Ejemplos de programas de estudio
subcluster-sectors = Sectores industriales (NAICS)
subcluster-occupations-heading = Ocupaciones
subcluster-no-occupations = La tabla de equivalencias oficial todavía no vincula ninguna ocupación con este subclúster.
subcluster-programs-heading = Programas de estudio
subcluster-programs-intro = Programas posteriores a la secundaria (CIP 2020) que preparan para este subclúster.
subcluster-no-programs = La tabla de equivalencias oficial todavía no vincula ningún programa de estudio con este subclúster.
subcluster-programs-pages = Páginas de programas
unverified-subcluster-heading = El nombre de este subclúster no está confirmado.
unverified-subcluster-body = Advance CTE cuenta 72 subclústeres, pero su tabla de equivalencias oficial solo enumera 71. Este, el número 72, aparece en otras fuentes y todavía no tiene ocupaciones ni programas vinculados.
col-occupation = Ocupación
col-job-zone = Nivel de preparación
col-riasec = Código de intereses
col-education = Educación para empezar
col-cip = Código CIP
col-program = Programa
col-interdisciplinary = En varios clústeres
riasec-abbr-title = Código de intereses de Holland: R Realista, I Investigador, A Artístico, S Social, E Emprendedor, C Convencional

## Ocupaciones
occupations-title = Ocupaciones
occupations-search-title = Ocupaciones que coinciden con “{ $query }”
occupations-none = Ninguna ocupación coincide. Prueba con una palabra más corta (en inglés) o explora los clústeres.
occupations-browse-clusters = Explorar los Career Clusters
occupations-pages = Páginas de ocupaciones
occupation-results = { $count ->
    [0] No se encontraron ocupaciones
    [one] Se encontró { $shown } ocupación
   *[other] Se encontraron { $shown } ocupaciones
}
filter-cluster = Clúster
filter-zone = Nivel de preparación
filter-interest = Interés principal
filter-any = Cualquiera
filter-clear = Quitar filtros
occupation-code = Código O*NET-SOC
occupation-clusters-heading = Dónde encaja en los clústeres de carreras
occupation-no-clusters = La tabla de equivalencias oficial no ubica esta ocupación en ningún subclúster.
occupation-tasks-heading = Qué hacen
occupation-no-tasks = O*NET no enumera tareas para esta ocupación.
occupation-all-tasks = { $count ->
    [one] Mostrar la { $shown } tarea
   *[other] Mostrar las { $shown } tareas
}
occupation-titles-heading = Otros nombres de este trabajo
occupation-interests-heading = Intereses
occupation-no-interests = O*NET no ha calificado los intereses de esta ocupación.
occupation-interest-code = Código de intereses:
occupation-preparation-heading = Preparación
occupation-outlook-heading = Salario y perspectivas (Estados Unidos)
occupation-related-heading = Ocupaciones relacionadas
occupation-source = Información de la ocupación de O*NET 29.3 (USDOL/ETA, CC BY 4.0); perspectivas de las Proyecciones de Empleo del BLS 2024–34.
riasec-chart-title = Perfil de intereses de esta ocupación
riasec-chart-caption = Cuánto se relaciona cada área de interés con este trabajo, de 1 (poco) a 7 (mucho). ★ marca los puntos altos que forman el código de intereses.
riasec-table-caption = Puntuaciones de intereses (de 1 a 7)
col-interest = Área de interés
col-score = Puntuación
col-high-point = Punto alto
education-share = { $percent } % de quienes trabajan en ella
job-zone-number = Nivel { $zone }
job-zone-details = Qué significa este nivel de preparación (de O*NET, en inglés)
job-zone-experience = Experiencia
job-zone-education = Educación
job-zone-training = Capacitación
job-zone-examples = Ejemplos
outlook-median-wage = Salario anual mediano (2024)
outlook-at-least = al menos
outlook-employment = Empleos en 2024
outlook-growth = Cambio esperado 2024–34
outlook-all-growth = todas las ocupaciones: { $percent } %
outlook-openings = Vacantes por año
outlook-experience = Experiencia laboral necesaria
outlook-training = Capacitación en el trabajo
outlook-source = Fuente: programa de Proyecciones de Empleo, Oficina de Estadísticas Laborales de EE. UU. (BLS).
outlook-none = No se publica una proyección nacional para esta ocupación.

## RIASEC
riasec-R-name = Realista
riasec-R-description = trabajo práctico con herramientas, máquinas, plantas o animales, a menudo al aire libre.
riasec-I-name = Investigador
riasec-I-description = trabajar con ideas, investigar y descubrir cómo funcionan las cosas.
riasec-A-name = Artístico
riasec-A-description = crear, diseñar y expresarte sin reglas estrictas.
riasec-S-name = Social
riasec-S-description = ayudar, enseñar, cuidar y servir a las personas.
riasec-E-name = Emprendedor
riasec-E-description = dirigir, convencer, vender y poner cosas en marcha.
riasec-C-name = Convencional
riasec-C-description = organizar información, seguir procedimientos y mantener todo en orden y preciso.

## Zonas laborales
job-zone-1-name = Poca o ninguna preparación
job-zone-1-summary = Un diploma de secundaria puede ayudar; la capacitación dura de unos días a unos meses en el trabajo.
job-zone-2-name = Algo de preparación
job-zone-2-summary = Por lo general, diploma de secundaria y algo de experiencia; la capacitación dura de meses a un año.
job-zone-3-name = Preparación media
job-zone-3-summary = Por lo general, formación técnica, un programa de aprendizaje (apprenticeship) o un título de dos años, además de experiencia.
job-zone-4-name = Preparación considerable
job-zone-4-summary = Por lo general, una licenciatura de cuatro años y varios años de experiencia relacionada.
job-zone-5-name = Preparación extensa
job-zone-5-summary = Por lo general, un posgrado (maestría, doctorado, derecho o medicina) y mucha experiencia.

## Niveles de educación (categorías de O*NET)
education-level-1 = Menos que la secundaria
education-level-2 = Diploma de secundaria o equivalente
education-level-3 = Certificado posterior a la secundaria
education-level-4 = Algunos cursos universitarios
education-level-5 = Título de dos años (associate's degree)
education-level-6 = Licenciatura (título universitario de cuatro años)
education-level-7 = Certificado posterior a la licenciatura
education-level-8 = Maestría
education-level-9 = Certificado posterior a la maestría
education-level-10 = Primer título profesional
education-level-11 = Doctorado
education-level-12 = Formación posdoctoral
bls-education-no-formal-educational-credential = Sin credencial educativa formal
bls-education-high-school-diploma-or-equivalent = Diploma de secundaria o equivalente
bls-education-some-college-no-degree = Algo de universidad, sin título
bls-education-postsecondary-nondegree-award = Certificado posterior a la secundaria (sin título)
bls-education-associate-s-degree = Título de dos años (associate's degree)
bls-education-bachelor-s-degree = Licenciatura (título universitario de cuatro años)
bls-education-master-s-degree = Maestría
bls-education-doctoral-or-professional-degree = Doctorado o título profesional
bls-experience-none = Ninguna
bls-experience-less-than-5-years = Menos de 5 años
bls-experience-5-years-or-more = 5 años o más
bls-training-none = Ninguna
bls-training-short-term-on-the-job-training = Capacitación breve en el trabajo
bls-training-moderate-term-on-the-job-training = Capacitación de duración media en el trabajo
bls-training-long-term-on-the-job-training = Capacitación larga en el trabajo
bls-training-apprenticeship = Programa de aprendizaje (apprenticeship)
bls-training-internship-residency = Práctica o residencia

## Prácticas
practices-title = Prácticas para la preparación profesional
practices-lead = Las Career Ready Practices describen lo que todo estudiante necesita para cualquier carrera, sea cual sea el clúster. Debajo de cada una está su redacción original en inglés.
practices-version-cctc-2012-title = Career Ready Practices (Common Career Technical Core, 2012)
practices-version-cctc-2012-intro = Las 12 prácticas del Common Career Technical Core, adoptadas por la mayoría de los estados.
practices-version-ncc-2024-title = Prácticas actualizadas (marco de 2024)
practices-version-ncc-2024-intro = Advance CTE actualizó las prácticas con el marco de 2024. Hasta ahora solo se han podido confirmar tres de las doce, y su redacción no está verificada.
skills-title = Habilidades de empleabilidad
skills-intro = El Marco de Habilidades de Empleabilidad del Departamento de Educación de EE. UU.: tres grupos, nueve habilidades.

## Marco anterior
legacy-title = De los 16 clústeres anteriores a los 14 nuevos
legacy-lead = Muchas escuelas todavía clasifican sus cursos con el marco anterior de 16 clústeres y 79 trayectorias. Esta página muestra a dónde pasó cada clúster y trayectoria.
legacy-derived-note = Los vínculos de clústeres marcados como “publicado” provienen de una declaración pública sobre la versión de 2024; los demás, y todos los vínculos de trayectorias, se calculan a partir de las ocupaciones que comparten y no son una tabla de equivalencias oficial.
legacy-index = Clústeres anteriores
legacy-becomes = Ahora forma parte de
legacy-no-successor = Sin un sucesor único
legacy-published = publicado
legacy-inferred = deducido
legacy-pathways-caption = Trayectorias de { $cluster } y los subclústeres que comparten la mayoría de sus ocupaciones
legacy-no-overlap = Sin ocupaciones en común
legacy-share = { $count ->
    [one] { $shared } de su { $found } ocupación en común
   *[other] { $shared } de sus { $found } ocupaciones en común
}
col-legacy-pathway = Trayectoria anterior
col-closest-subclusters = Subclústeres más cercanos
legacy-rel-primary = sucesor principal
legacy-rel-merged = se fusionó con otros clústeres
legacy-rel-renamed-expanded = cambió de nombre y se amplió
legacy-rel-partial-natural-resources-portion = en parte (la de recursos naturales)
legacy-rel-eliminated-spread-across-several-clusters = se disolvió; repartido entre varios clústeres

## Acerca de
about-title = Acerca de Pathways y sus datos
about-lead = Pathways ayuda a estudiantes, familias, consejeros y docentes a explorar carreras con el Marco Nacional de Career Clusters®. Estas son las fuentes en las que se basa.
about-sources-heading = Fuentes y créditos
about-advance-cte-heading = Advance CTE
about-advance-cte = Career Clusters, subclústeres, grupos y las tablas de equivalencias SOC, CIP y NAICS: Advance CTE, National Career Clusters® Framework Crosswalk (2024–2025). Career Clusters® es una marca registrada de Advance CTE. Las descripciones de los clústeres y los nombres en español son del equipo de Pathways.
about-onet-heading = O*NET
about-onet-translation = El texto de O*NET anterior es la atribución obligatoria y se mantiene en inglés.
about-bls-heading = Oficina de Estadísticas Laborales de EE. UU. (BLS)
about-bls = Empleo, crecimiento, vacantes y salarios: programa de Proyecciones de Empleo, Oficina de Estadísticas Laborales de EE. UU., 2024–34 (dominio público).
about-nces-heading = Centro Nacional de Estadísticas Educativas (NCES)
about-nces = Programas de estudio: CIP 2020 y la tabla de equivalencias CIP 2020 a SOC 2018, NCES y BLS (dominio público).
about-ed-heading = Departamento de Educación de EE. UU.
about-ed = Marco de Habilidades de Empleabilidad, Oficina de Educación Profesional, Técnica y de Adultos (dominio público).
about-caveats-heading = Qué tener en cuenta
about-caveat-uvt = El subclúster número 72, “Unmanned Vehicle Technology” (Tecnología de vehículos no tripulados), no está en la tabla de equivalencias oficial; su nombre no está confirmado.
about-caveat-uvt-link = Ver ese subclúster
about-caveat-groupings = Cuatro de los seis grupos tienen su composición publicada; la de los otros dos la dedujimos nosotros.
about-caveat-practices = Solo se han podido confirmar tres de las doce Career Ready Practices de 2024; las prácticas de 2012 están completas.
about-caveat-legacy = Los vínculos entre las trayectorias anteriores y los nuevos subclústeres los calculamos nosotros a partir de las ocupaciones compartidas.
about-caveat-language = Los nombres, descripciones y tareas de las ocupaciones provienen de O*NET y están en inglés.
about-data-heading = Datos cargados
about-data-version = Versión de los datos
about-released = Publicación del marco
about-loaded-at = Cargado en este servidor
about-counts-caption = Lo que contiene este servidor
col-item = Elemento
col-count = Cantidad

## API
api-title = Referencia de la API
api-lead = Cada página del catálogo tiene su equivalente en JSON bajo /api/v1. El documento siguiente se genera a partir del código.
api-openapi-link = Documento OpenAPI 3.1 (JSON)
api-case-link = El marco como paquete CASE 1.0
api-version = Versión
api-operations = Operaciones
api-parameters = Parámetros
api-responses = Respuestas
api-schemas = Esquemas
api-name = Nombre
api-in = En
api-required = Obligatorio
api-description = Descripción
api-status = Estado
api-body = Cuerpo
api-field = Campo
api-type = Tipo
api-see-json = Consulta el documento OpenAPI para ver este esquema.

## Errores
error-status = Estado
error-home-link = Ir a la página de inicio
error-search-link = Buscar ocupaciones
error-not-found-title = Página no encontrada
error-not-found = No encontramos esa página. Puede que se haya movido o que la dirección tenga un error.
error-bad-request-title = Algo en la dirección no es correcto
error-bad-request = Revisa la parte indicada e inténtalo de nuevo.
error-method-title = No permitido
error-method = Esta dirección no acepta ese tipo de solicitud.
error-unavailable-title = Todavía no está listo
error-unavailable = El catálogo de carreras todavía no se ha cargado. Un administrador puede ejecutar “pathways catalog load”.
error-database-title = Inténtalo de nuevo en un minuto
error-database = Pathways no puede comunicarse con su base de datos en este momento. Inténtalo de nuevo en un minuto; si estabas guardando algo, vuelve a guardarlo entonces.
error-internal-title = Algo salió mal
error-internal = Algo salió mal de nuestro lado. Inténtalo de nuevo; si sigue pasando, avisa a tu administrador.
error-field-page = El número de página debe ser un número entero igual o mayor que 1.
error-field-per-page = El tamaño de página debe ser un número entero del 1 al 100.
error-field-q = El texto de búsqueda puede tener como máximo 100 caracteres.
error-field-zone = La zona laboral debe ser un número del 1 al 5.
error-field-interest = El interés debe ser una de las letras R, I, A, S, E o C.
error-field-cluster = No hay ningún Career Cluster con ese identificador.
error-field-occupation-code = Los códigos de ocupación tienen la forma 29-1141.00.
error-field-uuid = Los identificadores aquí son UUID.

cross-cutting-this = Este clúster importa en todas las industrias.
unverified-subcluster-next = Mientras tanto, explora
unverified-subcluster-search = ocupaciones que trabajan con drones
source-note = Nota sobre la fuente
subcluster-occupations-intro = { $count ->
    [one] { $shown } ocupación con perfil en O*NET, según la tabla de equivalencias oficial de Advance CTE.
   *[other] { $shown } ocupaciones con perfil en O*NET, según la tabla de equivalencias oficial de Advance CTE.
}
subcluster-soc-only-heading = También en la tabla de equivalencias
subcluster-soc-only-intro = Estos códigos de ocupación no tienen perfil en O*NET, así que no tienen página propia:
riasec-legend = Letras del código de intereses: R Realista, I Investigador, A Artístico, S Social, E Emprendedor, C Convencional. Nivel de preparación: 1 poca preparación … 5 preparación extensa.
occupation-all = { $count ->
    [one] La única ocupación
   *[other] Todas las ocupaciones ({ $shown })
}
occupations-past-end = No hay nada en esta página; la lista tiene { $pages } páginas.
occupations-first-page = Ir a la primera página
occupation-glance-heading = En resumen
education-to-start = Educación para empezar
education-to-start-bls = Educación típica para conseguir el empleo (BLS)
education-most-workers = Educación que tiene la mayoría de quienes trabajan en esto (O*NET)
education-most-workers-share = { $level }
occupation-programs-heading = Programas de estudio que preparan para esta ocupación
occupation-no-programs = La tabla de equivalencias del NCES no vincula ningún programa de estudio con esta ocupación.
occupation-programs-intro = Programas universitarios y de formación (CIP 2020) que llevan a este trabajo, según la tabla de equivalencias del NCES. Los nombres están en inglés.
occupation-all-programs = { $count ->
    [one] Mostrar el { $shown } programa
   *[other] Mostrar los { $shown } programas
}
outlook-specialty = Estas cifras son de todo el grupo “{ $group }”; el BLS no publica datos de esta especialidad por separado.
practices-unverified-note = La redacción de las prácticas marcadas con asterisco todavía no está confirmada.
skills-unverified-note = Las habilidades marcadas con asterisco provienen de una copia incompleta del marco y todavía no están confirmadas.
footer-api-link = API para desarrolladores
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

error-forbidden-title = Este formulario ya venció
error-forbidden = Por tu seguridad, los formularios solo funcionan por un tiempo. Regresa, vuelve a cargar la página e inténtalo de nuevo.
error-gone-title = Eliminado
error-gone = Su autor lo eliminó. Las copias adaptadas y lo que mostró a los estudiantes se conservan.
error-too-large-title = Es demasiado texto
error-too-large = Lo que enviaste es más grande de lo que acepta esta página. Acórtalo e inténtalo de nuevo.

error-field-body = El cuerpo de la solicitud no es lo que espera esta dirección.
error-field-form = El formulario no se llenó como se esperaba; vuelve a cargarlo e inténtalo de nuevo.
error-field-role = La función debe ser student, guardian, teacher, counselor, partner, school_admin o district_admin.
error-field-plan-interest = Elige un clúster, subclúster u ocupación del marco.
error-field-goal-kind = Elige académica, profesional o personal.
error-field-goal-status = Elige el estado de la meta.
error-field-goal-title = Dale a la meta un título de hasta 200 caracteres.
error-field-goal-benchmark = Di cómo sabrás que lograste la meta, en hasta 1000 caracteres.
error-field-goal-date = Escribe la fecha meta como fecha, por ejemplo 2027-05-31.
error-field-goal-version = El plan cambió desde que lo abriste. Vuelve a cargarlo y edita la meta otra vez.
error-field-note-body = Escribe la nota, en 4.000 caracteres como máximo.
error-field-step-title = Nombra el paso en 200 caracteres como máximo.
error-field-step-owner = Elige quién hace el paso: el estudiante, un tutor, un consejero o un maestro.
error-field-step-date = Escribe la fecha límite como fecha, por ejemplo 2027-05-31.
error-field-caseload-grade = Elige un grado del 6 al 12.
error-field-caseload-grade-empty = Ningún estudiante de ese grado está entre tus asignados; elige otro grado.
error-field-caseload-school = Elige una de las escuelas de la lista.
error-field-caseload-need = Elige una de las necesidades de la lista.
error-field-plan-version = El plan cambió desde que lo abriste. Vuelve a cargarlo y haz tu cambio otra vez.
error-field-activity-kind = Elige el tipo de actividad.
error-field-activity-title = Di qué hiciste, en hasta 200 caracteres.
error-field-activity-organization = Escribe dónde o con quién en hasta 200 caracteres.
error-field-activity-description = Escribe la descripción en hasta 2000 caracteres.
error-field-activity-dates = Escribe las fechas como fechas, por ejemplo 2027-05-31, con el final en o después del inicio.
error-field-activity-hours = Escribe las horas como un número entero de 0 a 10 000.
error-field-activity-tags = Elige las etiquetas de las listas que se muestran.
error-field-reflection-prompt = Elige una de las preguntas.
error-field-reflection-body = Escribe tu reflexión en hasta 4000 caracteres.
error-field-postsecondary-path = Elige uno de los caminos.
error-field-postsecondary-details = Escribe los detalles en hasta 2000 caracteres.
error-field-plan-file = Elige un archivo de plan (.json) exportado de Pathways.
error-field-plan-file-format = Este archivo no es un archivo de plan de Pathways.
error-field-plan-file-version = Este archivo de plan lo escribió un Pathways más nuevo; expórtalo otra vez desde una versión que escriba el formato 1.
error-field-course-grade = Elige un grado del 6 al 12 para el curso.
error-field-course-status = Elige el estado del curso: planeado, en curso, aprobado o no aprobado.
error-field-course-unknown = Ese curso no está en el catálogo del distrito. Elige uno de la lista.
error-field-course-placed = Ese curso ya está en el plan. Cambia su grado allí.
error-field-credits = Escribe un número de créditos, por ejemplo 4 o 1,5.
error-field-credits-total = El total de créditos no puede ser menor que la suma de las áreas.
error-field-preset = Elige una de las plantillas de la lista.
error-field-element-grade = Elige un grado del 6 al 12.
error-field-element-kind = Elige lo que debe contener el plan.
error-field-element-count = Escribe cuántos, un número entero del 1 al 50.
error-field-element-option = Elige opciones de la lista.
