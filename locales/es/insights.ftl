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
