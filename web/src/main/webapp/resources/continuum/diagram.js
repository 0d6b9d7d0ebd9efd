/* Draws the case's process with bpmn-js (navigated viewer) and marks where the case stands and what it passed.
   The BPMN XML comes from a hidden textarea filled by the server; the ids from data attributes. No inline script. */
(function () {
    function draw() {
        var container = document.getElementById('diagram');
        var source = document.getElementById('bpmnXml');
        if (!container || !source || typeof BpmnJS === 'undefined') {
            return;
        }
        var viewer = new BpmnJS({container: container});
        var ids = function (name) {
            var value = container.getAttribute(name) || '';
            return value.split(',').filter(function (id) { return id.length > 0; });
        };
        viewer.importXML(source.value).then(function () {
            var canvas = viewer.get('canvas');
            canvas.zoom('fit-viewport', 'auto');
            var registry = viewer.get('elementRegistry');
            ids('data-passed').forEach(function (id) {
                if (registry.get(id)) { canvas.addMarker(id, 'bpmn-passed'); }
            });
            ids('data-active').forEach(function (id) {
                if (registry.get(id)) { canvas.addMarker(id, 'bpmn-active'); }
            });
            container.setAttribute('data-rendered', 'true');
        }).catch(function () {
            container.setAttribute('data-rendered', 'error');
        });
    }
    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', draw);
    } else {
        draw();
    }
})();
