# Nombres en español del Marco Nacional de Career Clusters® (traducción propia).
# Las claves son los identificadores del marco: grouping-ID, cluster-ID, subcluster-ID.

grouping-building-and-moving = Construir y mover
grouping-caring-for-communities = Cuidar de las comunidades
grouping-connecting-and-supporting-success = Conectar y apoyar el éxito
grouping-creating-and-experiencing = Crear y vivir experiencias
grouping-cultivating-resources = Cultivar recursos
grouping-investing-in-the-future = Invertir en el futuro

cluster-advanced-manufacturing = Manufactura avanzada
cluster-advanced-manufacturing-description = Diseñar, producir, automatizar y asegurar la calidad de bienes manufacturados, desde la ingeniería y la robótica hasta la maquinaria industrial.
subcluster-engineering = Ingeniería
subcluster-industrial-machinery = Maquinaria industrial
subcluster-production-automation = Producción y automatización
subcluster-robotics = Robótica
subcluster-safety-quality-assurance = Seguridad y control de calidad

cluster-agriculture = Agricultura
cluster-agriculture-description = Producir, procesar y comercializar alimentos, fibras, plantas y animales, incluida la tecnología agrícola y los sistemas de agua.
subcluster-agribusiness = Agronegocios
subcluster-agricultural-technology-automation = Tecnología y automatización agrícola
subcluster-animal-systems = Sistemas animales
subcluster-food-science-processing = Ciencia y procesamiento de alimentos
subcluster-plant-systems = Sistemas vegetales
subcluster-water-systems = Sistemas de agua

cluster-arts-entertainment-design = Artes, entretenimiento y diseño
cluster-arts-entertainment-design-description = Crear, diseñar, interpretar y producir obras visuales, digitales, de medios y de espectáculos en vivo.
subcluster-design-digital-arts = Diseño y artes digitales
subcluster-fashion-interiors = Moda e interiores
subcluster-fine-arts = Bellas artes
subcluster-lighting-sound-technology = Tecnología de iluminación y sonido
subcluster-media-production-broadcasting = Producción de medios y radiodifusión
subcluster-performing-arts = Artes escénicas

cluster-construction = Construcción
cluster-construction-description = Diseñar, planificar, dirigir, construir y mantener el entorno construido y la infraestructura, con atención a la construcción sostenible.
subcluster-architecture-civil-engineering = Arquitectura e ingeniería civil
subcluster-construction-planning-development = Planificación y desarrollo de obras
subcluster-equipment-operation-maintenance = Operación y mantenimiento de equipos
subcluster-skilled-trades = Oficios especializados

cluster-digital-technology = Tecnología digital
cluster-digital-technology-description = Crear y dar soporte a sistemas digitales de comunicación, cómputo y datos, incluidos el software, las redes, la ciberseguridad, la nube y la IA; un clúster transversal presente en todas las industrias.
subcluster-data-science-ai = Ciencia de datos e IA
subcluster-it-support-services = Soporte y servicios de TI
subcluster-network-systems-cybersecurity = Sistemas de redes y ciberseguridad
subcluster-software-solutions = Soluciones de software
subcluster-web-cloud = Web y nube
subcluster-unmanned-vehicle-technology = Tecnología de vehículos no tripulados

cluster-education = Educación
cluster-education-description = Ayudar a las personas a aprender en todas las etapas de la vida, desde la primera infancia hasta la formación de adultos y para el trabajo, incluida la enseñanza, la dirección escolar y el apoyo al estudiante.
subcluster-early-childhood-development = Desarrollo de la primera infancia
subcluster-education-administration-leadership = Administración y liderazgo educativo
subcluster-learner-support-community-engagement = Apoyo al estudiante y participación comunitaria
subcluster-teaching-training-facilitation = Enseñanza, capacitación y facilitación

cluster-energy-natural-resources = Energía y recursos naturales
cluster-energy-natural-resources-description = Producir y distribuir energía (incluidas las fuentes limpias y alternativas), extraer recursos, operar servicios públicos y conservar y proteger los sistemas naturales.
subcluster-clean-alternative-energy = Energía limpia y alternativa
subcluster-conservation-land-management = Conservación y gestión de tierras
subcluster-ecological-research-development = Investigación y desarrollo ecológico
subcluster-environmental-protection = Protección ambiental
subcluster-resource-extraction = Extracción de recursos
subcluster-utilities = Servicios públicos

cluster-financial-services = Servicios financieros
cluster-financial-services-description = Mover, administrar, invertir y proteger el dinero de personas, empresas e instituciones: banca, crédito, inversiones, seguros, contabilidad y bienes raíces.
subcluster-accounting = Contabilidad
subcluster-banking-credit = Banca y crédito
subcluster-financial-strategy-investments = Estrategia financiera e inversiones
subcluster-insurance = Seguros
subcluster-real-estate = Bienes raíces

cluster-healthcare-human-services = Salud y servicios humanos
cluster-healthcare-human-services-description = Apoyar el bienestar físico, mental y social mediante la atención de la salud, la biotecnología, los datos de salud, la consejería y los servicios comunitarios y de cuidado personal.
subcluster-behavioral-mental-health = Salud conductual y mental
subcluster-biotechnology-research-development = Investigación y desarrollo en biotecnología
subcluster-community-social-services = Servicios comunitarios y sociales
subcluster-health-data-administration = Datos y administración de salud
subcluster-personal-care-services = Servicios de cuidado personal
subcluster-physical-health = Salud física

cluster-hospitality-events-tourism = Hospitalidad, eventos y turismo
cluster-hospitality-events-tourism-description = Ofrecer experiencias a los huéspedes en alojamiento, alimentos y bebidas, viajes, recreación, eventos y conferencias, con el servicio al cliente y la logística en el centro.
subcluster-accommodations = Alojamiento
subcluster-conferences-events = Conferencias y eventos
subcluster-culinary-food-services = Artes culinarias y servicios de alimentos
subcluster-travel-leisure = Viajes y ocio

cluster-management-entrepreneurship = Gestión y emprendimiento
cluster-management-entrepreneurship-description = Dirigir, organizar y operar organizaciones y nuevas empresas, incluidas las operaciones, la gestión de proyectos, la gestión de información empresarial y la regulación; un clúster transversal.
subcluster-business-information-management = Gestión de información empresarial
subcluster-entrepreneurship-small-business = Emprendimiento y pequeñas empresas
subcluster-leadership-operations = Liderazgo y operaciones
subcluster-project-management = Gestión de proyectos
subcluster-regulation = Regulación

cluster-marketing-sales = Mercadotecnia y ventas
cluster-marketing-sales-description = Investigar mercados y promover, vender y dar servicio a productos y experiencias de clientes; un clúster transversal.
subcluster-market-research-analytics-ethics = Investigación de mercados, analítica y ética
subcluster-marketing-advertising = Mercadotecnia y publicidad
subcluster-retail-customer-experience = Comercio minorista y experiencia del cliente
subcluster-strategic-sales = Ventas estratégicas

cluster-public-service-safety = Servicio público y seguridad
cluster-public-service-safety-description = Servir y proteger al público mediante el gobierno en todos sus niveles, el sistema de justicia, la respuesta a emergencias, la seguridad pública y la seguridad nacional.
subcluster-emergency-response = Respuesta a emergencias
subcluster-judicial-systems = Sistemas judiciales
subcluster-local-state-federal-services = Servicios locales, estatales y federales
subcluster-military-national-security = Fuerzas armadas y seguridad nacional
subcluster-public-safety = Seguridad pública

cluster-supply-chain-transportation = Cadena de suministro y transporte
cluster-supply-chain-transportation-description = Mover bienes, materiales y personas de forma eficiente desde el abastecimiento hasta la entrega, incluida la logística, las compras, el almacenamiento, los medios de transporte y el mantenimiento de vehículos.
subcluster-air-space-transportation = Transporte aéreo y espacial
subcluster-ground-rail-transportation = Transporte terrestre y ferroviario
subcluster-maintenance-repair = Mantenimiento y reparación
subcluster-marine-transportation = Transporte marítimo
subcluster-planning-logistics = Planificación y logística
subcluster-purchasing-warehousing = Compras y almacenamiento

# Career Ready Practices: practice-VERSION-CODE (traducción propia; el texto oficial está en inglés).
practice-cctc-2012-CRP1 = Actuar como ciudadano y empleado responsable que contribuye.
practice-cctc-2012-CRP2 = Aplicar las habilidades académicas y técnicas adecuadas.
practice-cctc-2012-CRP3 = Cuidar la salud personal y el bienestar financiero.
practice-cctc-2012-CRP4 = Comunicarse con claridad, eficacia y razonamiento.
practice-cctc-2012-CRP5 = Considerar el impacto ambiental, social y económico de las decisiones.
practice-cctc-2012-CRP6 = Demostrar creatividad e innovación.
practice-cctc-2012-CRP7 = Usar estrategias de investigación válidas y confiables.
practice-cctc-2012-CRP8 = Usar el pensamiento crítico para entender los problemas y perseverar hasta resolverlos.
practice-cctc-2012-CRP9 = Ser ejemplo de integridad, liderazgo ético y buena gestión.
practice-cctc-2012-CRP10 = Planificar trayectorias educativas y profesionales de acuerdo con las metas personales.
practice-cctc-2012-CRP11 = Usar la tecnología para ser más productivo.
practice-cctc-2012-CRP12 = Trabajar de forma productiva en equipo con competencia cultural global.
practice-ncc-2024-2024-1 = Liderar como empleado profesional que contribuye.
practice-ncc-2024-2024-2 = Comunicarse con claridad, eficacia y razonamiento.
practice-ncc-2024-2024-3 = Pensar de forma crítica para entender los problemas y perseverar hasta resolverlos.

# Marco de Habilidades de Empleabilidad: skill-SLUG del texto en inglés.
skill-applied-knowledge = Conocimientos aplicados
skill-effective-relationships = Relaciones eficaces
skill-workplace-skills = Habilidades para el trabajo
skill-applied-academic-skills = Habilidades académicas aplicadas
skill-critical-thinking-skills = Pensamiento crítico
skill-interpersonal-skills = Habilidades interpersonales
skill-personal-qualities = Cualidades personales
skill-resource-management = Gestión de recursos
skill-information-use = Uso de la información
skill-communication-skills = Habilidades de comunicación
skill-systems-thinking = Pensamiento sistémico
skill-technology-use = Uso de la tecnología
skill-uses-reading-skills = Usa habilidades de lectura
skill-uses-writing-skills = Usa habilidades de escritura
skill-uses-mathematical-strategies-and-procedures = Usa estrategias y procedimientos matemáticos
skill-thinks-critically = Piensa de forma crítica
skill-thinks-creatively = Piensa de forma creativa
skill-makes-sound-decisions = Toma buenas decisiones
skill-solves-problems = Resuelve problemas
skill-reasons = Razona
skill-plans-and-organizes = Planifica y organiza
skill-understands-teamwork-and-works-with-others = Entiende el trabajo en equipo y colabora con otros
skill-responds-to-customer-needs = Responde a las necesidades de los clientes
skill-exercises-leadership = Ejerce liderazgo
skill-demonstrates-responsibility-and-self-discipline = Demuestra responsabilidad y autodisciplina
skill-works-independently = Trabaja de forma independiente
skill-demonstrates-a-willingness-to-learn = Demuestra disposición para aprender
skill-demonstrates-integrity = Demuestra integridad
skill-demonstrates-professionalism = Demuestra profesionalismo
skill-takes-initiative = Toma la iniciativa
skill-displays-positive-attitude-and-sense-of-self-worth = Muestra una actitud positiva y confianza en sí mismo
skill-takes-responsibility-for-professional-growth = Se hace responsable de su crecimiento profesional
skill-manages-time = Administra el tiempo
skill-manages-money = Administra el dinero
skill-manages-materials = Administra los materiales
skill-manages-personnel = Dirige al personal
skill-locates-information = Localiza información
skill-organizes-information = Organiza información
skill-uses-information = Usa información
skill-analyzes-information = Analiza información
skill-communicates-information = Comunica información
skill-communicates-verbally = Se comunica de forma oral
skill-listens-actively = Escucha activamente
skill-comprehends-written-material = Comprende textos escritos
skill-conveys-information-in-writing = Transmite información por escrito
skill-observes-carefully = Observa con atención
skill-understands-and-uses-systems = Entiende y usa sistemas
skill-monitors-systems = Supervisa sistemas
skill-improves-systems = Mejora sistemas
skill-understands-and-uses-technology = Entiende y usa la tecnología
