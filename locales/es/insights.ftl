insights-title = Indicadores
insights-lead = Cómo llegan los estudiantes del distrito a las carreras: equidad de acceso entre grupos de estudiantes, con cada tabla en CSV. Nunca se muestran grupos demasiado pequeños para mostrarse con seguridad.
insights-equity-text = Exposición, intereses, planes, cursos CTE y aprendizaje basado en el trabajo por sexo, raza y etnia, programas, grado y escuela.
insights-school = Escuela
insights-all-schools = Todas las escuelas
insights-grade = Grado
insights-all-grades = Todos los grados
suppression-title = Grupos pequeños
suppression-explained = { $count ->
    [one] Nunca se muestra una cifra menor de { $shown } estudiante, y se ocultan otras con ella para que no pueda deducirse de los totales. La misma regla vale para los archivos CSV y la API.
   *[other] Nunca se muestra una cifra menor de { $shown } estudiantes, y se ocultan otras con ella para que no pueda deducirse de los totales. La misma regla vale para los archivos CSV y la API.
}
suppression-threshold = Cifra mínima que se muestra
suppression-minimum = { $count ->
    [one] El umbral no puede ser menor de { $shown } estudiante.
   *[other] El umbral no puede ser menor de { $shown } estudiantes.
}
suppression-saved = El umbral quedó guardado.
error-field-threshold = Indique un número entero de estudiantes entre 5 y 1000.
error-field-school = Elija una de las escuelas de la lista.
error-field-grade = Indique un grado del 6 al 12, o déjelo vacío.
error-field-dimension = Elija uno de los grupos de estudiantes de la lista.
equity-title = Equidad de acceso
equity-lead = Hasta dónde llega cada grupo de estudiantes, desde conocer carreras en clase hasta completar el aprendizaje basado en el trabajo, junto a todos los estudiantes: la tasa, la brecha en puntos porcentuales y la razón de disparidad (la tasa del grupo entre la de todos los estudiantes).
equity-by = Desglosar por
equity-suppressed-note = { $count ->
    [one] * no se muestra: menos de { $shown } estudiante, u oculto para que un grupo pequeño no pueda deducirse de los totales.
   *[other] * no se muestra: menos de { $shown } estudiantes, u oculto para que un grupo pequeño no pueda deducirse de los totales.
}
equity-funnel = Todos los estudiantes, { $year }
equity-funnel-caption = Estudiantes que llegan a cada etapa
equity-stage = Etapa
equity-students = Estudiantes
equity-rate = Tasa
equity-enrolled = Matriculados
equity-funnel-chart = Embudo de todos los estudiantes
equity-funnel-chart-caption = Estudiantes en cada etapa, con la proporción de todos los matriculados; la tabla de al lado tiene las mismas cifras.
equity-by-heading = Por { $dimension }
equity-download = Descargar todas las tablas por grupo (CSV)
equity-group = Grupo
equity-rates-caption = Proporción de cada grupo que llega a cada etapa (estudiantes)
equity-heat-chart = Tasas por grupo y etapa
equity-heat-chart-caption = Las celdas más oscuras son tasas más altas (por ciento); las celdas rayadas con * no se muestran.
equity-gaps-caption = Brecha con todos los estudiantes (puntos porcentuales) · razón de disparidad
equity-gaps-hint = ▼ marca una razón de disparidad menor de 0,8: el grupo llega a la etapa con menos de cuatro quintos de la tasa de todos los estudiantes.
equity-flagged = menos de cuatro quintos de la tasa de todos los estudiantes
equity-definitions = Qué cuenta cada etapa
group-all = Todos los estudiantes
group-unknown = Sin dato
group-yes = Sí
group-no = No
group-grade = Grado { $grade }
group-sex-female = Femenino
group-sex-male = Masculino
group-sex-other = Otro sexo
group-ethnicity-american_indian = Indígena americano o nativo de Alaska
group-ethnicity-asian = Asiático
group-ethnicity-black = Negro o afroamericano
group-ethnicity-hispanic_latino = Hispano o latino
group-ethnicity-pacific_islander = Nativo de Hawái o de otras islas del Pacífico
group-ethnicity-white = Blanco
group-ethnicity-two_or_more = Dos o más razas
dimension-sex = sexo
dimension-ethnicity = raza y etnia
dimension-economically_disadvantaged = desventaja económica
dimension-english_learner = aprendiz de inglés
dimension-iep_504 = plan IEP o 504
dimension-grade = grado
dimension-school = escuela
stage-exposure = Exposición
stage-interest = Interés elegido
stage-plan_complete = Plan completo
stage-cte_course = Curso CTE
stage-wbl_applied = Solicitó ABT
stage-wbl_completed = Completó ABT
stage-exposure-short = Exposición
stage-interest-short = Interés
stage-plan_complete-short = Plan
stage-cte_course-short = CTE
stage-wbl_applied-short = Solicitó
stage-wbl_completed-short = Completó
stage-exposure-definition = Conoció carreras en una lección impartida a su clase durante el año escolar.
stage-interest-definition = Tiene un grupo, subgrupo u ocupación entre los intereses de su plan.
stage-plan_complete-definition = El estudiante, un tutor y un consejero firmaron el plan en el año escolar.
stage-cte_course-definition = Cursó o cursa una materia técnico-profesional: una que el distrito alineó con un programa CIP.
stage-wbl_applied-definition = Solicitó una oportunidad de aprendizaje basado en el trabajo que empieza durante el año escolar.
stage-wbl_completed-definition = Completó una oportunidad de aprendizaje basado en el trabajo que empezó durante el año escolar.
home-insights-text = Alineación del currículo, brechas frente a la demanda laboral, equidad de acceso entre grupos de estudiantes y desarrollo profesional, sin mostrar nunca grupos pequeños.
insights-alignment-text = Lo que ofrece cada escuela en cada grupo y subgrupo — cursos, programas de estudio, lecciones, socios, oportunidades — junto a los estudiantes que lo eligieron; los programas CIP de los cursos.
alignment-title = Alineación del currículo
alignment-lead = Lo que ofrece el distrito en cada grupo y subgrupo del marco, y cuántos estudiantes lo eligieron. Los cursos cuentan una vez alineados con un subgrupo; los socios y las oportunidades son del distrito.
alignment-level = Filas
alignment-level-cluster = Grupos
alignment-level-subcluster = Grupos y subgrupos
alignment-measure = Mapa de escuelas
alignment-measure-courses = Cursos
alignment-measure-lessons = Lecciones
alignment-measure-interested = Estudiantes interesados
alignment-coverage = Cobertura
alignment-coverage-caption = Lo que ofrece el distrito en cada grupo
alignment-coverage-caption-school = Lo que ofrece la escuela en cada grupo (socios y oportunidades: los del distrito)
alignment-coverage-hint = Un curso alineado con dos subgrupos de un mismo grupo cuenta una vez para el grupo. Los estudiantes interesados eligieron el grupo, un subgrupo o una ocupación de él.
alignment-download = Descargar la matriz de cobertura (CSV)
alignment-cluster = Grupo
alignment-programs = Programas de estudio
alignment-partners = Socios
alignment-opportunities = Oportunidades abiertas
alignment-seats = { $count ->
    [one] { $shown } plaza
   *[other] { $shown } plazas
}
alignment-by-school = { $measure } por escuela
alignment-by-school-caption = Cada grupo en cada escuela
alignment-heat-chart = Grupos por escuela
alignment-heat-caption = Las celdas más oscuras son cifras más altas; la tabla de al lado tiene las mismas cifras.
alignment-district-wide = Todas las escuelas
alignment-courses = Cursos y sus programas
alignment-unaligned = { $count ->
    [one] { $shown } curso aún no tiene programa CIP.
   *[other] { $shown } cursos aún no tienen programa CIP.
}
alignment-courses-caption = Los cursos del distrito, primero los alineados
alignment-course = Curso
alignment-cip = Programa CIP 2020
alignment-no-cip = ninguno
alignment-subclusters = Subgrupos
alignment-align = Alinear
alignment-programs-title = Programas de estudio
alignment-programs-none = El distrito aún no tiene programas de estudio.
alignment-program-new = Añadir un programa de estudio
alignment-program-name = Título del programa
alignment-program-subcluster = Subgrupo al que conduce
alignment-program-cip = Código CIP 2020 (opcional)
alignment-program-cip-hint = Como 11.0701; el programa se informa con él.
alignment-program-courses = Cursos, en el orden en que los toman los estudiantes
alignment-program-course = Curso { $n }
alignment-program-add = Añadir el programa
course-alignment-title = Alinear un curso
course-alignment-lead = Elija el programa CIP 2020 al que pertenece el curso y confirme los subgrupos para los que prepara. Las sugerencias vienen del título del curso y de la tabla de correspondencias CIP; nada cuenta hasta que lo confirme.
course-alignment-no-suggestions = Ningún título de programa comparte una palabra con el del curso; indique el código abajo.
course-alignment-other = Otro código CIP
course-alignment-other-code = Código CIP 2020
course-alignment-none = No es un curso técnico-profesional (sin programa CIP)
course-alignment-no-subclusters = Elija primero un programa CIP para ver los subgrupos que la tabla de correspondencias le vincula, o añada uno abajo.
course-alignment-suggested = sugerido por la tabla de correspondencias CIP
course-alignment-add = Añadir otro subgrupo
course-alignment-confirm = Confirmar la alineación
course-alignment-hint = Los cursos con programa CIP son cursos técnico-profesionales en el informe de equidad y en las cifras de Perkins.
error-field-measure = Elija cursos, lecciones o estudiantes interesados.
error-field-cip = Ese no es un programa CIP 2020; escriba el código como 11.0701.
error-field-subcluster = Elija un subgrupo del marco.
error-field-program-title = Dé al programa un título de hasta 120 caracteres.
error-field-program-taken = El distrito ya tiene un programa con este título.
error-field-program-course = Elija uno o más cursos del distrito.
equity-as-of = Cifras a las { $time }; se vuelven a contar pasado un minuto.
insights-gaps-text = Subgrupos cuyas ocupaciones tienen demanda pero que sus programas apenas cubren, y grupos en los que hay más estudiantes interesados que plazas.
gaps-title = Brechas frente a la demanda laboral
gaps-lead = Qué subgrupos necesita más el mercado laboral y cuánto los cubren los cursos y programas de estudio del distrito; y dónde el interés de los estudiantes supera lo que el distrito ofrece.
gaps-source-national = Demanda: proyecciones nacionales de empleo de la BLS 2024–34 (vacantes anuales, salario mediano, crecimiento).
gaps-source-regional = Demanda: { $region }, importada el { $date } desde { $file } ({ $occupations } ocupaciones).
gaps-change-source = Usar cifras regionales
gaps-demand = Demanda y cobertura de programas
gaps-count = { $count ->
    [0] Ningún subgrupo de alta demanda carece de programas.
    [one] Un subgrupo de alta demanda no tiene programa de estudio y tiene menos de dos cursos alineados.
   *[other] { $count } subgrupos de alta demanda no tienen programa de estudio y tienen menos de dos cursos alineados.
}
gaps-download = Descargar el análisis de brechas (CSV)
gaps-share-chart = Parte de las vacantes y de los cursos alineados
gaps-share-caption = Los subgrupos con más vacantes: su parte de todas las vacantes junto a su parte de los cursos alineados del distrito. La tabla de abajo tiene todos los subgrupos.
gaps-share-desc = { $name }: { $openings } de las vacantes, { $courses } de los cursos alineados
gaps-share-openings = Parte de las vacantes
gaps-share-courses = Parte de los cursos alineados
gaps-demand-caption = Subgrupos, primero los de más vacantes
gaps-subcluster = Subgrupo
gaps-openings = Vacantes por año
gaps-share = Parte de las vacantes
gaps-wage = Salario mediano
gaps-growth = Crecimiento 2024–34
gaps-coverage = Cobertura
gaps-coverage-none = ninguno
gaps-coverage-thin = escaso
gaps-coverage-covered = cubierto
gaps-occupations = Ocupaciones más grandes (vacantes)
gaps-gap = Brecha
gaps-demand-hint = Alta demanda: el tercio de los subgrupos con más vacantes. Cubierto: un programa de estudio, o al menos dos cursos alineados. Los salarios y el crecimiento son promedios de las ocupaciones del subgrupo ponderados por sus vacantes; una ocupación de varios subgrupos cuenta en cada uno.
gaps-interest = Interés de los estudiantes y lo que ofrece el distrito
gaps-interest-sentence = { $students ->
    [one] 1 estudiante interesado
   *[other] { $students } estudiantes interesados
} en { $cluster }, { $courses ->
    [one] 1 curso
   *[other] { $courses } cursos
}, { $partners ->
    [one] 1 socio
   *[other] { $partners } socios
}, { $seats ->
    [one] 1 plaza
   *[other] { $seats } plazas
} en oportunidades abiertas
gaps-short = Más estudiantes que plazas
gaps-interest-caption = Grupos, primero los de más estudiantes interesados
gaps-interested = Estudiantes interesados
gaps-seats = Plazas
gaps-interest-chart = Estudiantes interesados y plazas por grupo
gaps-interest-chart-caption = Los estudiantes que eligieron cada grupo junto a las plazas de sus oportunidades abiertas de aprendizaje basado en el trabajo.
labor-title = Demanda laboral regional
labor-lead = El análisis de brechas usa las proyecciones nacionales de la BLS hasta que importe las cifras de su región: un archivo CSV con una fila por ocupación, como las publican las oficinas estatales del mercado laboral. El archivo reemplaza al anterior entero; si algo está mal, nada cambia.
labor-now = Ahora:
labor-use-national = Volver a las proyecciones nacionales
labor-file = Demanda regional (.csv)
labor-file-hint = Una fila por ocupación SOC 2018 con sus vacantes anuales; el salario mediano y el crecimiento son opcionales.
labor-region = Región
labor-region-hint = Cómo nombran los informes las cifras, por ejemplo "Condado de Riverbend, proyecciones 2024–2034". Si lo deja vacío, el nombre del archivo.
labor-dry-run = Solo revisar el archivo; no escribir nada
labor-submit = Subir e importar
labor-choose-file = Elija primero el archivo CSV de sus cifras regionales.
labor-status-imported = Importado. El análisis de brechas usa ahora estas cifras.
labor-status-valid = El archivo es válido y se importaría. No se escribió nada, porque eligió solo revisarlo.
labor-status-rejected = Rechazado: no se escribió nada. Corrija los problemas de abajo y vuelva a subir el archivo.
labor-format = El archivo
labor-format-text = Un archivo CSV con una fila de encabezado, en UTF-8 o como lo guardan las hojas de cálculo (Windows-1252). Las columnas pueden venir en cualquier orden y con las variantes de abajo; las demás columnas se ignoran. Los totales de grupo (como 29-0000) se omiten para no contar dos veces las ocupaciones; las celdas marcadas como suprimidas ("*", "N/A") se leen como desconocidas.
labor-format-caption = Columnas de un archivo de demanda regional
labor-format-also = También se lee como
labor-format-meaning = Qué contiene
labor-format-soc = Obligatoria. El código SOC 2018: 29-1141, 291141 o 29-1141.00. Una fila por ocupación.
labor-format-openings = Obligatoria. Vacantes por año; "1,250" sirve. Un encabezado que dice miles (thousands) se lee en miles.
labor-format-wage = Salario anual mediano: "$52,000" sirve; un salario por hora se convierte en anual (2.080 horas).
labor-format-growth = Crecimiento proyectado en porcentaje durante el período de proyección: "3.1%" o 3.1.
labor-format-title = El nombre de la ocupación, si quiere que se muestre el suyo en vez del del catálogo.
labor-cli-hint = Desde la línea de comandos:
insights-pd-text = Sesiones para el personal por grupo de enfoque, asistencia, horas por docente y las lecciones que los asistentes etiquetaron con el marco después.
pd-title = Desarrollo profesional
pd-lead = Sesiones que ayudan al personal a llevar las carreras a su enseñanza: quién asistió, horas por docente y las lecciones que los asistentes etiquetaron con el marco después de la sesión — la señal de que llegó a un aula.
pd-sessions = Sesiones en { $year }
pd-none = Aún no se registró ninguna sesión en este año escolar.
pd-download-sessions = Descargar las sesiones (CSV)
pd-sessions-caption = Sesiones, primero las más recientes
pd-session = Sesión
pd-date = Fecha
pd-focus = Grupo de enfoque
pd-no-focus = Sin grupo de enfoque
pd-whole-district = Todo el distrito
pd-hours = Horas
pd-attendees = Asistieron
pd-lessons-after = Lecciones etiquetadas después
pd-chart = Horas-docente por grupo de enfoque
pd-chart-caption = Las horas de cada sesión por el personal que asistió, según el grupo de enfoque de la sesión: sesiones de escuela, luego sesiones del distrito.
pd-school-sessions = Sesiones de escuela
pd-district-sessions = Sesiones del distrito
pd-teachers = Horas por docente
pd-teachers-total = { $hours } horas de desarrollo profesional en total.
pd-teachers-count = { $count ->
    [one] Asistió una persona del personal.
   *[other] Asistieron { $count } personas del personal.
}
pd-download-teachers = Descargar las horas por docente (CSV)
pd-teachers-caption = Personal que asistió, primero el de más horas
pd-teacher = Docente
pd-sessions-count = Sesiones
pd-teacher-lessons = Lecciones etiquetadas desde su primera sesión
pd-new = Registrar una sesión
pd-session-title = Título
pd-add = Registrar la sesión
pd-attendance = Asistencia
pd-attendance-legend = Personal que asistió
pd-attendance-save = Guardar la asistencia
pd-attendance-saved = Asistencia guardada.
pd-attendance-none = Aún no consta nadie como asistente.
error-field-title = Escriba un título de hasta 200 caracteres.
error-field-pd-hours = Escriba las horas como un número mayor que 0 y de hasta 40.
error-field-pd-teacher = Elija personal de la lista.
error-field-table = Elija sesiones o docentes.
